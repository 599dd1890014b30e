from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AGENT = "agent"
    ASSISTANT = "assistant"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
