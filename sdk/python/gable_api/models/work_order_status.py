from enum import StrEnum


class WorkOrderStatus(StrEnum):
    ASSIGNED = "assigned"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    IN_PROGRESS = "in_progress"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
