"""Company knowledge: the register of canonical names, tickers, ISINs and aliases."""

from .register import CompanyRegister, register

__all__ = ["CompanyRegister", "register"]
