"""The client address behind the rate limit: forged X-Forwarded-For entries are ignored."""

from frontend_api.drafts.throttling import client_address


def test_without_trusted_proxies_only_the_socket_address_counts(settings):
    settings.TRUSTED_PROXIES = 0
    meta = {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_address(meta) == "203.0.113.7"


def test_one_trusted_proxy_uses_the_entry_it_appended(settings):
    settings.TRUSTED_PROXIES = 1
    forged = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    assert client_address(forged) == "203.0.113.7"
    assert client_address({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}) == (
        "203.0.113.7"
    )


def test_two_trusted_proxies(settings):
    settings.TRUSTED_PROXIES = 2
    meta = {"REMOTE_ADDR": "10.0.0.3", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7, 10.0.0.2"}
    assert client_address(meta) == "203.0.113.7"


def test_a_trusted_proxy_without_forwarded_header_falls_back_to_the_socket(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address({"REMOTE_ADDR": "10.0.0.2"}) == "10.0.0.2"
    assert client_address({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": " , "}) == "10.0.0.2"
