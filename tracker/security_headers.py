"""The headers every response carries, so a browser refuses what tracker never does.

tracker serves its scripts, styles and images from its own origin and is never
framed, so the policy allows exactly that: no inline script or style (an
injected `<script>` or `style=` does nothing), no other origin, no frames.
Strict-Transport-Security only in production, where HTTPS is terminated in front
of gunicorn; in development it would pin the browser to HTTPS on localhost.
"""

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

HSTS = "max-age=31536000; includeSubDomains"


def register(app):
    strict_transport = app.config.get("STRICT_TRANSPORT_SECURITY", False)

    @app.after_request
    def add_security_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if strict_transport:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response
