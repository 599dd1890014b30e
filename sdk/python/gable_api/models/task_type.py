from enum import StrEnum


class TaskType(StrEnum):
    CALL = "call"
    EMAIL = "email"
    FOLLOW_UP = "follow_up"
    MEETING = "meeting"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
