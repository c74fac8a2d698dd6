import csv,sys
sys.path.insert(0,'/work/wt-blind5/benchmarks')
from rows import H,R
with open('/work/wt-blind5/benchmarks/data/conflict_eval_blind5.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow(H); w.writerows(R)
print(len(R), sum(1 for x in R if x[3]), sum(1 for x in R if not x[3]))
