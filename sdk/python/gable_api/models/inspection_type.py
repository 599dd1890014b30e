from enum import StrEnum


class InspectionType(StrEnum):
    MOVE_IN = "move_in"
    MOVE_OUT = "move_out"
    ROUTINE = "routine"

    def __str__(self) -> str:
        return str(self.value)
