"""Company knowledge: the register of canonical names, tickers, ISINs and aliases, and the
role rules (who sells, who buys) that the event extractor applies to company mentions.

Nothing is read or built at import; ``register()`` builds the register on first use.
"""

from .register import CompanyRegister, Entry, register
from .roles import Roles, assign_roles

__all__ = ["CompanyRegister", "Entry", "Roles", "assign_roles", "register"]
