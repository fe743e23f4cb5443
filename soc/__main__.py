"""The `soc` command: Django's manage.py under the project's name (`soc migrate`, `soc audit verify`)."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["soc", *sys.argv[1:]])


if __name__ == "__main__":
    main()
