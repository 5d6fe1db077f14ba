"""Slowing down password guessing: failed sign-ins are counted per address and per account.

Both counters live in the rate limiter's storage (RATELIMIT_STORAGE_URI: Redis in
production, so every worker and machine shares them). Only failures count, so a
busy office behind one address is not locked out by its own successful sign-ins.
A throttled attempt is answered exactly as a wrong password: nobody learns from
it which accounts exist. Unknown e-mail addresses are counted as well, for the same
reason.
"""

from flask import current_app, request
from limits import parse

from tracker.extensions import limiter


def _counters(email):
    """(limit, key) pairs: the address's limit and the account's."""
    config = current_app.config
    prefix = config.get("RATELIMIT_KEY_PREFIX", "")
    return [
        (parse(config["LOGIN_RATE_LIMIT"]), (prefix, "login-address", request.remote_addr or "")),
        (parse(config["LOGIN_ACCOUNT_RATE_LIMIT"]), (prefix, "login-account", email)),
    ]


def sign_in_allowed(email):
    """False once the address or the account has used up its failed attempts."""
    if not limiter.enabled:
        return True
    return all(limiter.limiter.test(limit, *key) for limit, key in _counters(email))


def count_failure(email):
    if limiter.enabled:
        for limit, key in _counters(email):
            limiter.limiter.hit(limit, *key)
