from enum import StrEnum


class ExpenseActionType0Action(StrEnum):
    ADD_ENTRY = "add_entry"

    def __str__(self) -> str:
        return str(self.value)
