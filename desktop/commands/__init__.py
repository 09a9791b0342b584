"""The sub-commands of `grant-assistant`, one module each; each has `register(subparsers)`."""
