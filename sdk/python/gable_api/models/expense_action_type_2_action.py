from enum import StrEnum


class ExpenseActionType2Action(StrEnum):
    DELETE_ENTRY = "delete_entry"

    def __str__(self) -> str:
        return str(self.value)
