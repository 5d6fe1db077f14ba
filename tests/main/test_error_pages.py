"""When something goes wrong, a person sees a page that says what and where to go next."""

from tests.conftest import TrackerClient, sign_in
from tracker import create_app


def test_an_unexpected_error_shows_the_friendly_500_page(app, staff):
    failing = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        PROPAGATE_EXCEPTIONS=False,
    )
    failing.test_client_class = TrackerClient

    def broken():
        raise RuntimeError("a bug")

    failing.add_url_rule("/broken", view_func=broken)
    client = sign_in(failing.test_client(), staff)
    response = client.get("/broken")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong" in page
    assert "a bug" not in page
    assert "Go to the home page" in page


def test_an_expired_form_is_a_friendly_400(client):
    response = client.post("/login", data={"email": "a@example.edu", "password": "x"})
    assert response.status_code == 400
    assert "The form expired or was sent from elsewhere" in response.get_data(as_text=True)
