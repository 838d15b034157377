"""Django-style signals: receivers connect a function, senders send a payload to all of them."""


class Signal:
    def __init__(self):
        self.receivers = []

    def connect(self, receiver):
        self.receivers.append(receiver)
        return receiver

    def register(self, receiver):
        return self.connect(receiver)

    def send(self, payload):
        return [receiver(payload) for receiver in self.receivers]


code_sent = Signal()
code_checked = Signal()
