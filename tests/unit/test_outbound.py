"""outbound: the one URL policy, the redaction of webhook URLs and database passwords, and the opener that
follows no redirect (against real HTTP servers on 127.0.0.1), also for the EU register's address."""

from __future__ import annotations

import pytest

from errors import RegisterError
from outbound import SendFailed, UrlRefused, check_http_url, hide_password, post, redact, scrub, url_problem
from tests.servers import hook_server


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://hooks.example.org/services/T0/B0/XYZ", "https://hooks.example.org/***"),
        ("https://hooks.example.org/?token=XYZ", "https://hooks.example.org/***"),
        ("http://user:XYZ@hooks.example.org:8080/", "http://***@hooks.example.org:8080"),
        ("https://hooks.example.org", "https://hooks.example.org"),
        ("HTTP://[::1]:81/XYZ#XYZ", "http://[::1]:81/***"),
        ("file:///etc/XYZ", "file:///***"),
        ("javascript:XYZ", "javascript:///***"),
        ("http://host:XYZ/", "***"),
    ],
)
def test_redact_keeps_the_scheme_and_host_only(url: str, shown: str) -> None:
    assert redact(url) == shown
    assert "XYZ" not in redact(url)


def test_scrub_takes_every_secret_part_out_of_an_error_text() -> None:
    url = "https://u:p4ss@hooks.example.org/a/b%20c?token=XYZ"
    text = f"failed {url}: /a/b c and token=XYZ and u:p4ss@hooks.example.org"
    assert scrub(text, url) == "failed https://***@hooks.example.org/***: /*** and *** and ***"


@pytest.mark.parametrize(
    "url",
    [
        *("file:///etc/passwd", "ftp://example.org/x", "data:text/plain,hi", "javascript:alert(1)"),
        *("//example.org/x", "https:///nohost", "http://example.org:port/", "http://exa mple.org/", ""),
        "http://x.org/" + "a" * 2000,
    ],
)
def test_only_http_and_https_urls_with_a_host_are_used(url: str) -> None:
    assert url_problem(url) is not None
    with pytest.raises(
        UrlRefused, match=r"^GISCOPE_ALERT_WEBHOOK .* is not an http\(s\) URL \(.+\): use https"
    ):
        check_http_url(url, what="GISCOPE_ALERT_WEBHOOK")
    with pytest.raises(UrlRefused):
        post(url, b"{}", timeout=1)


def test_good_urls_pass_stripped() -> None:
    assert check_http_url(" https://hooks.example.org/x?y=1 ", what="x") == "https://hooks.example.org/x?y=1"
    assert url_problem("http://127.0.0.1:8080") is None


def test_hide_password_hides_the_user_password_and_secret_query_values() -> None:
    url = "postgresql+psycopg://giscope:s3cr%40t@db:5432/x?sslmode=require&password=abc&token=def"
    assert (
        hide_password(url)
        == "postgresql+psycopg://giscope:***@db:5432/x?sslmode=require&password=***&token=***"
    )
    assert hide_password("sqlite:////data/giscope.sqlite3") == "sqlite:////data/giscope.sqlite3"


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_is_never_followed(code: int) -> None:
    with hook_server(answer=code) as (base, log):
        with pytest.raises(SendFailed) as failed:
            post(f"{base}/hook/XYZ", b'{"a": 1}', timeout=5)
        assert [(m, p) for m, p, _ in log.requests] == [("POST", "/hook/XYZ")]
    assert str(failed.value) == f"webhook {base}/*** redirected ({code}) - not followed"
    assert failed.value.status == code


def test_an_error_answer_and_a_success() -> None:
    with hook_server(answer=500) as (base, _), pytest.raises(SendFailed, match=r"answered 500$"):
        post(f"{base}/hook/XYZ", b"{}", timeout=5)
    with hook_server() as (base, log):
        assert post(f"{base}/hook/XYZ", b'{"a": 1}', timeout=5) == b""
        assert log.posts("/hook") == [{"a": 1}]


def test_the_eu_register_address_follows_the_same_rules() -> None:
    from gi_lists.live_register import fetch_answer

    with hook_server(answer=302) as (base, log):
        with pytest.raises(RegisterError, match=r"redirected \(302\) - not followed; nothing changed$"):
            fetch_answer(f"{base}/hook/filter", 5)
        assert [m for m, _, _ in log.requests] == ["POST"]
    with pytest.raises(
        RegisterError, match=r"^GISCOPE_EAMBROSIA_URL file:///etc/passwd is not an http\(s\) URL"
    ):
        fetch_answer("file:///etc/passwd", 5)
