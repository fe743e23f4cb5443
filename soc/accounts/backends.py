"""Signing in with e-mail and password, and finding the signed-in person on each request."""

from django.contrib.auth.backends import ModelBackend, UserModel


class AccountBackend(ModelBackend):
    """Every audited request writes the person's organization into its audit row: loading it
    with the person saves a query on each of them."""

    def get_user(self, user_id):
        try:
            user = UserModel._default_manager.select_related("organization").get(pk=user_id)
        except UserModel.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
