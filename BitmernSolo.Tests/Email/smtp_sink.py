"""A real SMTP server for the e-mail tests: aiosmtpd on 127.0.0.1:PORT, each message written to DIR as an .eml file.

Usage: /usr/bin/python3 smtp_sink.py PORT DIR. Prints READY once listening; stops when stdin closes or on a signal.
"""
import os
import sys
import time
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(envelope.original_content or envelope.content)
        # Renamed into place so a reader never sees half a message.
        os.replace(temporary, os.path.join(self.directory, name + ".eml"))
        return "250 Message accepted"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
