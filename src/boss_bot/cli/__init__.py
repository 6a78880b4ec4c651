"""The ``bossbotctl`` command line."""
