"""Trigger and field data of earnings, guidance, layoffs, insolvency, impairment,
legal_action and rating_change (``lang/<lang>/events/<type>.toml``), German and English.

Each positive row is one sentence with the event it must yield: the type, the company, the
status and the key fields. Negative rows (macro news, stock moves, analysts' views, advice)
must yield no event of these types.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

import eventx

TYPES = {"earnings", "guidance", "layoffs", "insolvency", "impairment", "legal_action", "rating_change"}

_LEGAL_FORM = re.compile(r"[\s,]+(?:AG|SE|Inc\.?|Corp\.?|plc|GmbH|Ltd\.?|AB|N\.V\.|Co\.?|KGaA)$", re.I)


def _key(name: str) -> str:
    return _LEGAL_FORM.sub("", name.strip()).casefold()


def _same_company(company: eventx.Company, expected: str) -> bool:
    return _key(expected) in {_key(company.name), _key(company.mention)}


class M:
    """An expected amount: value within 1 %, same currency."""

    def __init__(self, value: float | str, currency: str) -> None:
        self.value = Decimal(str(value))
        self.currency = currency

    def matches(self, got: Any) -> bool:
        return (
            got is not None
            and got.currency == self.currency
            and abs(got.value - self.value) <= self.value * Decimal("0.01")
        )

    def __repr__(self) -> str:
        return f"M({self.value} {self.currency})"


class P:
    """An expected percentage."""

    def __init__(self, value: float | str) -> None:
        self.value = Decimal(str(value))

    def matches(self, got: Any) -> bool:
        return got is not None and got.value == self.value

    def __repr__(self) -> str:
        return f"P({self.value})"


def _field_ok(expected: Any, got: Any) -> bool:
    if isinstance(expected, (M, P)):
        return expected.matches(got)
    if isinstance(expected, str):
        return isinstance(got, str) and got.casefold() == expected.casefold()
    return got == expected


def row(lang, text, etype, company, status, *, id, marks=(), **fields):
    return pytest.param(lang, text, etype, company, status, fields, id=id, marks=marks)


def mine(lang: str, text: str) -> list:
    return [e for e in eventx.extract(text, lang=lang) if e.type in TYPES]


POSITIVE = [
    # ---------------------------------------------------------------- earnings, German
    row("de", "Siemens hat im zweiten Quartal seinen Umsatz um 5 Prozent auf 19,8 Mrd. Euro gesteigert.",
        "earnings", "Siemens", "completed", metric="revenue", value=M("19.8e9", "EUR"), period="Q2",
        change=P(5), id="de-earnings-siemens-revenue-q2"),
    row("de", "Der Nettogewinn von BASF sank im Q2 2025 um 18 Prozent auf 430 Mio. Euro.",
        "earnings", "BASF", "completed", metric="net_income", value=M("430e6", "EUR"), period="Q2 2025",
        change=P(-18), id="de-earnings-basf-net-income"),
    row("de", "Die Deutsche Bank erzielte 2024 einen Vorsteuergewinn von 5,3 Mrd. Euro.",
        "earnings", "Deutsche Bank", "completed", metric="pretax_income", value=M("5.3e9", "EUR"),
        period="2024", id="de-earnings-deutsche-bank-pretax"),
    row("de", "SAP meldet für das erste Halbjahr einen Umsatz von 17,6 Mrd. Euro und einen Nettogewinn von 2,1 Mrd. Euro.",
        "earnings", "SAP", "completed", metric="revenue", value=M("17.6e9", "EUR"), period="H1",
        id="de-earnings-sap-two-metrics-revenue"),
    row("de", "SAP meldet für das erste Halbjahr einen Umsatz von 17,6 Mrd. Euro und einen Nettogewinn von 2,1 Mrd. Euro.",
        "earnings", "SAP", "completed", metric="net_income", value=M("2.1e9", "EUR"), period="H1",
        id="de-earnings-sap-two-metrics-profit"),
    row("de", "Das operative Ergebnis von Volkswagen brach im dritten Quartal um 42 Prozent auf 2,9 Mrd. Euro ein.",
        "earnings", "Volkswagen", "completed", metric="operating_income", value=M("2.9e9", "EUR"),
        period="Q3", change=P(-42), id="de-earnings-vw-operating"),
    row("de", "Infineon steigerte den Umsatz im Geschäftsjahr 2024/25 auf 14,7 Mrd. Euro.",
        "earnings", "Infineon", "completed", metric="revenue", value=M("14.7e9", "EUR"), period="2024/25",
        id="de-earnings-infineon-fiscal-year"),
    row("de", "Adidas weist für das vierte Quartal ein Ergebnis je Aktie von 1,12 Euro aus.",
        "earnings", "Adidas", "completed", metric="eps", value=M("1.12", "EUR"), period="Q4",
        id="de-earnings-adidas-eps"),
    row("de", "Der Softwarekonzern Nemetschek setzte im ersten Quartal 270 Mio. Euro um, ein Plus von 11 Prozent.",
        "earnings", "Nemetschek", "completed", metric="revenue", value=M("270e6", "EUR"), period="Q1",
        change=P(11), id="de-earnings-nemetschek-setzte-um"),
    row("de", "Die Lufthansa verbuchte im ersten Quartal einen Nettoverlust von 577 Mio. Euro.",
        "earnings", "Lufthansa", "completed", metric="net_income", value=M("577e6", "EUR"), period="Q1",
        id="de-earnings-lufthansa-loss"),
    # ---------------------------------------------------------------- earnings, English
    row("de", "Im vergangenen Jahr hatte Volkswagen 322 Milliarden Euro umgesetzt, ein Plus von 15 Prozent.",
        "earnings", "Volkswagen", "completed", metric="revenue", value=M("322e9", "EUR"), change=P(15),
        id="de-earnings-vw-umgesetzt"),
    row("en", "Microsoft reported fiscal fourth-quarter revenue of $64.7 billion, up 15% from a year earlier.",
        "earnings", "Microsoft", "completed", metric="revenue", value=M("64.7e9", "USD"), period="Q4",
        change=P(15), id="en-earnings-microsoft-revenue"),
    row("en", "Harrowgate Machinery Inc. raised its full-year outlook and now expects adjusted "
        "EPS of $20.50 to $21.00, up from a prior range of $19.75 to $20.50.",
        "guidance", "Harrowgate Machinery", "announced", direction="raised", metric="eps",
        low=M("20.50", "USD"), high=M("21.00", "USD"), id="en-guidance-eps-range-not-prior"),
    row("en", "Kelmscott Chemicals plc cut its interim dividend to 4.2p a share from 9.5p after "
        "operating profit for the first half fell 38% to £112m.",
        "earnings", "Kelmscott Chemicals", "completed", metric="operating_income",
        value=M("112e6", "GBP"), change=P(-38), id="en-earnings-value-across-after"),
    row("en", "Nike's net income fell 28% to $1.05 billion in the fourth quarter.",
        "earnings", "Nike", "completed", metric="net_income", value=M("1.05e9", "USD"), period="Q4",
        change=P(-28), id="en-earnings-nike-net-income"),
    row("en", "Intel posted a net loss of $1.6 billion for Q2 2024.",
        "earnings", "Intel", "completed", metric="net_income", value=M("1.6e9", "USD"), period="Q2 2024",
        id="en-earnings-intel-net-loss"),
    row("en", "Barclays said pretax profit rose 23% to £2.2 billion in the first half.",
        "earnings", "Barclays", "completed", metric="pretax_income", value=M("2.2e9", "GBP"), period="H1",
        change=P(23), id="en-earnings-barclays-pretax"),
    row("en", "Tesla's revenue for the three months ended June 30 came in at $22.5 billion.",
        "earnings", "Tesla", "completed", metric="revenue", value=M("22.5e9", "USD"), period="Q2",
        id="en-earnings-tesla-three-months"),
    row("en", "Amazon earned $13.5 billion in the second quarter, or $1.26 a share.",
        "earnings", "Amazon", "completed", metric="net_income", value=M("13.5e9", "USD"), period="Q2",
        id="en-earnings-amazon-earned"),
    row("en", "Unilever's turnover rose 1.9% to €60.8 billion in 2024.",
        "earnings", "Unilever", "completed", metric="revenue", value=M("60.8e9", "EUR"), period="2024",
        change=P("1.9"), id="en-earnings-unilever-turnover"),
    row("en", "Alphabet reported earnings per share of $2.31 for the third quarter.",
        "earnings", "Alphabet", "completed", metric="eps", value=M("2.31", "USD"), period="Q3",
        id="en-earnings-alphabet-eps"),
    row("en", "Meta's operating profit climbed to $20.4 billion in Q2 2025.",
        "earnings", "Meta Platforms", "completed", metric="operating_income", value=M("20.4e9", "USD"),
        period="Q2 2025", id="en-earnings-meta-operating"),
    # ---------------------------------------------------------------- guidance, German
    row("en", "Meta said revenue rose 22% to $39.1 billion, while net income climbed to $13.5 billion.",
        "earnings", "Meta Platforms", "completed", metric="net_income", value=M("13.5e9", "USD"),
        id="en-earnings-meta-two-metrics"),
    row("en", "Amazon posted third-quarter net income of $15.3 billion.",
        "earnings", "Amazon", "completed", metric="net_income", value=M("15.3e9", "USD"), period="Q3",
        id="en-earnings-amazon-posted"),
    row("en", "Apple's revenue rose to $94.9 billion in the fiscal fourth quarter.",
        "earnings", "Apple", "completed", metric="revenue", value=M("94.9e9", "USD"), period="Q4",
        id="en-earnings-apple-fiscal-q4"),
    row("de", "Zalando hebt die Prognose für das Gesamtjahr an und rechnet nun mit einem Umsatz zwischen 11 und 11,5 Mrd. Euro.",
        "guidance", "Zalando", "announced", metric="revenue", direction="raised", low=M("11e9", "EUR"),
        high=M("11.5e9", "EUR"), period="FY", id="de-guidance-zalando-range"),
    row("de", "BASF senkt nach einem schwachen zweiten Quartal die Jahresprognose für das bereinigte EBITDA auf 7,5 Mrd. Euro.",
        "guidance", "BASF", "announced", metric="ebitda", direction="lowered", low=M("7.5e9", "EUR"),
        high=M("7.5e9", "EUR"), period="FY", id="de-guidance-basf-lowered"),
    row("de", "Der Chemiekonzern Covestro bestätigte seine Prognose für 2025.",
        "guidance", "Covestro", "announced", direction="confirmed", period="2025",
        id="de-guidance-covestro-confirmed"),
    row("de", "Puma hat am Dienstag eine Gewinnwarnung veröffentlicht.",
        "guidance", "Puma", "announced", direction="lowered",
        id="de-guidance-puma-profit-warning"),
    row("de", "Die Lufthansa kappt ihre Prognose für das operative Ergebnis im laufenden Jahr auf rund 1,4 Mrd. Euro.",
        "guidance", "Lufthansa", "announced", direction="lowered", metric="operating_income",
        high=M("1.4e9", "EUR"), period="FY", id="de-guidance-lufthansa-kappt"),
    row("de", "Siemens Healthineers hebt den Ausblick für das Geschäftsjahr 2025 an.",
        "guidance", "Siemens Healthineers", "announced", direction="raised", period="2025",
        id="de-guidance-healthineers-raised"),
    row("de", "Mercedes-Benz senkt die Prognose für die Umsatzrendite im Pkw-Geschäft auf 6 bis 8 Prozent.",
        "guidance", "Mercedes-Benz", "announced", direction="lowered", metric="margin",
        id="de-guidance-mercedes-margin"),
    row("de", "Rheinmetall rechnet für 2025 mit einem Umsatzwachstum von 25 bis 30 Prozent.",
        "guidance", "Rheinmetall", "announced", metric="revenue", period="2025",
        id="de-guidance-rheinmetall-verb"),
    row("de", "Volkswagen hat die Prognose für das Gesamtjahr erneut gesenkt.",
        "guidance", "Volkswagen", "announced", direction="lowered", period="FY", id="de-guidance-vw-gesenkt"),
    row("de", "Volkswagen bekräftigte sein Ziel einer operativen Rendite von 5,5 bis 6,5 Prozent.",
        "guidance", "Volkswagen", "announced", direction="confirmed", metric="margin", id="de-guidance-vw-ziel"),
    row("de", "Volkswagen erwartet für 2025 nun eine operative Rendite zwischen 4 und 5 Prozent und senkt damit die Prognose.",
        "guidance", "Volkswagen", "announced", direction="lowered", metric="margin", period="2025",
        id="de-guidance-vw-erwartet"),
    # ---------------------------------------------------------------- guidance, English
    row("en", "Unilever raised its full-year underlying sales growth forecast to between 4% and 6%.",
        "guidance", "Unilever", "announced", direction="raised", metric="revenue", period="FY",
        id="en-guidance-unilever-raised"),
    row("en", "Ford lowered its full-year forecast for adjusted EBIT to a range of $6.5 billion to $7.5 billion.",
        "guidance", "Ford", "announced", direction="lowered", metric="operating_income",
        low=M("6.5e9", "USD"), high=M("7.5e9", "USD"), period="FY", id="en-guidance-ford-range"),
    row("en", "Nike reaffirmed its guidance for fiscal 2025.",
        "guidance", "Nike", "announced", direction="confirmed", period="2025",
        id="en-guidance-nike-reaffirmed"),
    row("en", "Walmart raised its annual sales forecast on Thursday.",
        "guidance", "Walmart", "announced", direction="raised", metric="revenue", period="FY",
        id="en-guidance-walmart-raised"),
    row("en", "Intel issued a profit warning for the third quarter.",
        "guidance", "Intel", "announced", direction="lowered", metric="net_income", period="Q3",
        id="en-guidance-intel-profit-warning"),
    row("en", "Nvidia forecast third-quarter revenue of $32.5 billion, plus or minus 2%.",
        "guidance", "Nvidia", "announced", metric="revenue", low=M("32.5e9", "USD"), period="Q3",
        id="en-guidance-nvidia-forecast-verb"),
    row("en", "Porsche cut its full-year margin target for the third time this year.",
        "guidance", "Porsche", "announced", direction="lowered", metric="margin", period="FY",
        id="en-guidance-porsche-margin"),
    row("en", "Alphabet confirmed its outlook for 2025 on Thursday.",
        "guidance", "Alphabet", "announced", direction="confirmed", period="2025",
        id="en-guidance-alphabet-confirmed"),
    row("en", "Meta gave its first annual forecast for its Reality Labs unit on Wednesday.",
        "guidance", "Meta Platforms", "announced", direction="initiated", id="en-guidance-meta-initiated"),
    row("en", "Meta now expects third-quarter revenue of $47.5 billion to $50.5 billion, raising its outlook.",
        "guidance", "Meta Platforms", "announced", direction="raised", metric="revenue",
        low=M("47.5e9", "USD"), high=M("50.5e9", "USD"), period="Q3", id="en-guidance-meta-expects"),
    # ---------------------------------------------------------------- layoffs, German
    row("de", "Volkswagen will bis 2030 in Deutschland mehr als 35.000 Stellen abbauen.",
        "layoffs", "Volkswagen", "planned", headcount=35000, location="Deutschland", id="de-layoffs-vw-planned"),
    row("de", "Bosch streicht in seiner Autozuliefersparte weltweit bis zu 5.500 Arbeitsplätze.",
        "layoffs", "Bosch", "announced", headcount=5500, id="de-layoffs-bosch-streicht"),
    row("de", "Bei Continental fallen am Standort Frankfurt rund 1.200 Jobs weg.",
        "layoffs", "Continental", "announced", headcount=1200, location="Frankfurt",
        id="de-layoffs-continental-fallen-weg"),
    row("de", "Der Chemiekonzern BASF hat am Stammsitz Ludwigshafen bereits 2.600 Stellen abgebaut.",
        "layoffs", "BASF", "completed", headcount=2600, location="Ludwigshafen",
        id="de-layoffs-basf-completed"),
    row("de", "Die Commerzbank will bis 2028 rund 3.900 Vollzeitstellen streichen, vor allem in Deutschland.",
        "layoffs", "Commerzbank", "planned", headcount=3900, location="Deutschland",
        id="de-layoffs-commerzbank-planned"),
    row("de", "Thyssenkrupp kündigte an, in der Stahlsparte 11.000 Arbeitsplätze abzubauen.",
        "layoffs", "Thyssenkrupp", "announced", headcount=11000, id="de-layoffs-thyssenkrupp-abzubauen"),
    row("de", "Der Autozulieferer ZF streicht bis Ende 2030 bis zu 14.000 Stellen in Deutschland.",
        "layoffs", "ZF", "announced", headcount=14000, location="Deutschland", id="de-layoffs-zf-bis-ende"),
    row("de", "Die Deutsche Bank hat im vergangenen Jahr 3.500 Stellen gestrichen.",
        "layoffs", "Deutsche Bank", "completed", headcount=3500, id="de-layoffs-deutsche-bank-completed"),
    row("de", "Nach Informationen aus Unternehmenskreisen plant Volkswagen den Abbau von weiteren 4.000 Stellen.",
        "layoffs", "Volkswagen", "rumored", headcount=4000, id="de-layoffs-vw-rumored"),
    row("de", "Volkswagen dementierte Berichte, wonach 30.000 Stellen gestrichen werden sollen.",
        "layoffs", "Volkswagen", "denied", headcount=30000, id="de-layoffs-vw-denied"),
    # ---------------------------------------------------------------- layoffs, English
    row("de", "Volkswagen hat den geplanten Stellenabbau im Werk Zwickau abgesagt.",
        "layoffs", "Volkswagen", "cancelled", location="Zwickau", id="de-layoffs-vw-cancelled"),
    row("de", "Bis 2030 streicht Volkswagen in Deutschland 35.000 Stellen.",
        "layoffs", "Volkswagen", "announced", headcount=35000, location="Deutschland",
        id="de-layoffs-vw-inverted-order"),
    row("en", "Intel plans to cut more than 15,000 jobs, or about 15% of its workforce.",
        "layoffs", "Intel", "planned", headcount=15000, share=P(15), id="en-layoffs-intel-planned"),
    row("en", "Meta laid off 11,000 employees in November.",
        "layoffs", "Meta Platforms", "completed", headcount=11000, id="en-layoffs-meta-laid-off"),
    row("en", "Microsoft is cutting about 6,000 workers, or less than 3% of its global workforce.",
        "layoffs", "Microsoft", "announced", headcount=6000, share=P(3), id="en-layoffs-microsoft-cutting"),
    row("en", "Boeing said it would eliminate 17,000 positions over the coming months.",
        "layoffs", "Boeing", "planned", headcount=17000, id="en-layoffs-boeing-eliminate"),
    row("en", "Ford is shedding 4,000 jobs in Europe, mostly in Germany and Britain.",
        "layoffs", "Ford", "announced", headcount=4000, location="Europe", id="en-layoffs-ford-europe"),
    row("en", "Nike has cut about 740 jobs at its Beaverton headquarters.",
        "layoffs", "Nike", "completed", headcount=740, location="Beaverton", id="en-layoffs-nike-hq"),
    row("en", "Salesforce said it would reduce its headcount by 10%.",
        "layoffs", "Salesforce", "planned", share=P(10), id="en-layoffs-salesforce-share"),
    row("en", "Wells Fargo has eliminated roughly 1,000 positions in its mortgage business.",
        "layoffs", "Wells Fargo", "completed", headcount=1000, id="en-layoffs-wells-fargo"),
    row("en", "Google is laying off hundreds of employees in its hardware and engineering teams.",
        "layoffs", "Alphabet", "announced", id="en-layoffs-google-hundreds"),
    # ---------------------------------------------------------------- insolvency, German
    row("en", "Alphabet plans to cut about 1,000 jobs in its cloud unit, people familiar with the matter said.",
        "layoffs", "Alphabet", "rumored", headcount=1000, id="en-layoffs-alphabet-rumored"),
    row("en", "Meta is considering cutting 5,000 jobs in its Reality Labs division.",
        "layoffs", "Meta Platforms", "considered", headcount=5000, id="en-layoffs-meta-considered"),
    row("de", "Der Warenhauskonzern Galeria hat beim Amtsgericht Essen erneut einen Insolvenzantrag gestellt.",
        "insolvency", "Galeria", "completed", court="Amtsgericht Essen", id="de-insolvency-galeria-antrag"),
    row("de", "Die Gigaset AG hat beim Amtsgericht Münster Insolvenz in Eigenverwaltung beantragt.",
        "insolvency", "Gigaset", "completed", court="Amtsgericht Münster",
        proceeding="Insolvenz in Eigenverwaltung", id="de-insolvency-gigaset-eigenverwaltung"),
    row("de", "Der Batteriehersteller Northvolt hat in den USA Gläubigerschutz nach Chapter 11 beantragt.",
        "insolvency", "Northvolt", "completed", proceeding="Chapter 11", id="de-insolvency-northvolt-chapter11"),
    row("de", "Die Lilium GmbH meldet erneut Insolvenz an.",
        "insolvency", "Lilium", "completed", id="de-insolvency-lilium-meldet-an"),
    row("de", "Die Eisenwerk Erla GmbH hat beim Amtsgericht Chemnitz ein Schutzschirmverfahren beantragt.",
        "insolvency", "Eisenwerk Erla", "completed", court="Amtsgericht Chemnitz",
        proceeding="Schutzschirmverfahren", id="de-insolvency-schutzschirm"),
    row("de", "Das Amtsgericht Charlottenburg hat das Insolvenzverfahren über die Signa Holding GmbH eröffnet.",
        "insolvency", "Signa Holding", "completed", court="Amtsgericht Charlottenburg",
        id="de-insolvency-signa-eroeffnet"),
    row("de", "Der Modehändler Gerry Weber International AG ist zahlungsunfähig.",
        "insolvency", "Gerry Weber International", "completed", id="de-insolvency-zahlungsunfaehig"),
    row("de", "Volkswagen weist Berichte über eine mögliche Insolvenz seiner Tochter zurück.",
        "insolvency", "Volkswagen", "denied", id="de-insolvency-vw-denied"),
    # ---------------------------------------------------------------- insolvency, English
    row("en", "Rite Aid Corp. filed for Chapter 11 bankruptcy protection in a federal court in New Jersey.",
        "insolvency", "Rite Aid", "completed", proceeding="Chapter 11", court="federal court in New Jersey",
        id="en-insolvency-rite-aid"),
    row("en", "WeWork Inc. filed for Chapter 11 in the U.S. Bankruptcy Court for the District of New Jersey.",
        "insolvency", "WeWork", "completed", proceeding="Chapter 11",
        court="U.S. Bankruptcy Court for the District of New Jersey", id="en-insolvency-wework-court"),
    row("en", "The British discount retailer Wilko Ltd entered administration on Thursday.",
        "insolvency", "Wilko", "completed", proceeding="administration", id="en-insolvency-wilko-administration"),
    row("en", "Spirit Airlines Inc. files for bankruptcy for the second time in under a year.",
        "insolvency", "Spirit Airlines", "completed", id="en-insolvency-spirit-present"),
    row("en", "Northvolt AB filed for Chapter 11 bankruptcy protection in the United States.",
        "insolvency", "Northvolt", "completed", proceeding="Chapter 11", id="en-insolvency-northvolt"),
    row("en", "Tupperware Brands Corp. filed for bankruptcy in the Delaware bankruptcy court on Tuesday.",
        "insolvency", "Tupperware Brands", "completed", court="Delaware bankruptcy court",
        id="en-insolvency-tupperware-delaware"),
    row("en", "A Hong Kong court ordered China Evergrande Group Ltd into liquidation.",
        "insolvency", "China Evergrande Group", "completed", proceeding="liquidation",
        id="en-insolvency-evergrande-liquidation"),
    row("en", "Volkswagen denied a report that its truck unit was preparing a bankruptcy filing.",
        "insolvency", "Volkswagen", "denied", id="en-insolvency-vw-denied"),
    # ---------------------------------------------------------------- impairment, German
    row("de", "Bayer schreibt 2,5 Mrd. Euro auf das Agrargeschäft ab.",
        "impairment", "Bayer", "completed", amount=M("2.5e9", "EUR"), asset="Agrargeschäft",
        id="de-impairment-bayer-schreibt-ab"),
    row("de", "Thyssenkrupp verbuchte eine Wertberichtigung von 1,1 Mrd. Euro auf die Stahlsparte.",
        "impairment", "Thyssenkrupp", "completed", amount=M("1.1e9", "EUR"), asset="Stahlsparte",
        id="de-impairment-thyssenkrupp-wertberichtigung"),
    row("de", "Siemens Energy nimmt eine Abschreibung von 1 Mrd. Euro auf die Windkrafttochter vor.",
        "impairment", "Siemens Energy", "completed", amount=M("1e9", "EUR"), asset="Windkrafttochter",
        id="de-impairment-siemens-energy-tochter"),
    row("de", "Die Commerzbank hat ihre Beteiligung an der polnischen Tochter um 300 Mio. Euro abgeschrieben.",
        "impairment", "Commerzbank", "completed", amount=M("300e6", "EUR"), asset="Beteiligung",
        id="de-impairment-commerzbank-beteiligung"),
    row("de", "Uniper nimmt Wertberichtigungen auf Gaskraftwerke in Höhe von 2,7 Mrd. Euro vor.",
        "impairment", "Uniper", "completed", amount=M("2.7e9", "EUR"), asset="Gaskraftwerke",
        id="de-impairment-uniper-kraftwerke"),
    row("de", "Vonovia schreibt den Wert seines Immobilienportfolios um 3,5 Mrd. Euro ab.",
        "impairment", "Vonovia", "completed", amount=M("3.5e9", "EUR"), asset="Immobilienportfolios",
        id="de-impairment-vonovia-portfolio"),
    row("de", "Volkswagen hat auf die Software-Sparte Cariad Wertminderungen von 1,3 Mrd. Euro vorgenommen.",
        "impairment", "Volkswagen", "completed", amount=M("1.3e9", "EUR"), asset="Software-Sparte Cariad",
        id="de-impairment-vw-wertminderung"),
    # ---------------------------------------------------------------- impairment, English
    row("de", "Volkswagen prüft Wertberichtigungen von bis zu 1 Mrd. Euro auf die Batteriesparte.",
        "impairment", "Volkswagen", "considered", asset="Batteriesparte", id="de-impairment-vw-considered"),
    row("de", "Volkswagen schreibt 2 Mrd. Euro auf seine Softwaretochter ab. Die Wertminderung ist nicht zahlungswirksam.",
        "impairment", "Volkswagen", "completed", amount=M("2e9", "EUR"), asset="Softwaretochter",
        id="de-impairment-vw-not-cash-remark"),
    row("de", "Dafür schreibt Volkswagen 1,2 Mrd. Euro auf die Batterietochter ab.",
        "impairment", "Volkswagen", "completed", amount=M("1.2e9", "EUR"), asset="Batterietochter",
        id="de-impairment-vw-inverted-order"),
    row("en", "Bayer took a €2.5 billion impairment charge on its crop science unit.",
        "impairment", "Bayer", "completed", amount=M("2.5e9", "EUR"), asset="crop science unit",
        id="en-impairment-bayer-charge"),
    row("en", "Intel wrote down the value of its Mobileye stake by $1.5 billion.",
        "impairment", "Intel", "completed", amount=M("1.5e9", "USD"), asset="Mobileye stake",
        id="en-impairment-intel-wrote-down"),
    row("en", "Warner Bros. Discovery recorded a $9.1 billion writedown of its cable networks.",
        "impairment", "Warner Bros. Discovery", "completed", amount=M("9.1e9", "USD"), asset="cable networks",
        id="en-impairment-wbd-writedown"),
    row("en", "Walgreens booked a $5.8 billion impairment on its investment in a primary care chain.",
        "impairment", "Walgreens", "completed", amount=M("5.8e9", "USD"), asset="investment",
        id="en-impairment-walgreens-investment"),
    row("en", "Paramount takes a $6 billion goodwill impairment on its cable business.",
        "impairment", "Paramount", "completed", amount=M("6e9", "USD"), asset="cable business",
        id="en-impairment-paramount-goodwill"),
    row("en", "Vodafone wrote off €3.5 billion on its business in Germany.",
        "impairment", "Vodafone", "completed", amount=M("3.5e9", "EUR"), asset="business",
        id="en-impairment-vodafone-write-off"),
    row("en", "Meta recorded a $2.1 billion impairment of its Reality Labs office leases.",
        "impairment", "Meta Platforms", "completed", amount=M("2.1e9", "USD"), asset="Reality Labs office leases",
        id="en-impairment-meta-leases"),
    # ---------------------------------------------------------------- legal_action, German
    row("en", "Meta took a $1.2 billion impairment on its metaverse unit. The writedown pushed the company to a loss.",
        "impairment", "Meta Platforms", "completed", amount=M("1.2e9", "USD"), asset="metaverse unit",
        id="en-impairment-meta-writedown-remark"),
    row("de", "Die EU-Kommission verhängt gegen Apple eine Strafe von 1,8 Mrd. Euro.",
        "legal_action", "Apple", "completed", kind="fine", counterparty="EU-Kommission",
        amount=M("1.8e9", "EUR"), id="de-legal-apple-strafe"),
    row("de", "Das Bundeskartellamt ermittelt gegen Amazon wegen der Preiskontrolle auf dem Marktplatz.",
        "legal_action", "Amazon", "completed", kind="investigation", counterparty="Bundeskartellamt",
        id="de-legal-amazon-ermittelt"),
    row("de", "Volkswagen hat sich mit US-Behörden auf einen Vergleich über 14,7 Mrd. Dollar geeinigt.",
        "legal_action", "Volkswagen", "completed", kind="settlement", counterparty="US-Behörden",
        amount=M("14.7e9", "USD"), id="de-legal-vw-vergleich"),
    row("de", "Die Staatsanwaltschaft München ermittelt gegen Siemens wegen des Verdachts auf Bestechung.",
        "legal_action", "Siemens", "completed", kind="investigation", counterparty="Staatsanwaltschaft München",
        id="de-legal-siemens-staatsanwaltschaft"),
    row("de", "Aktionäre verklagen die Deutsche Bank auf Schadensersatz in Millionenhöhe.",
        "legal_action", "Deutsche Bank", "completed", kind="lawsuit", counterparty="Aktionäre",
        id="de-legal-deutsche-bank-klage"),
    row("de", "Die Verbraucherzentrale Bundesverband reicht eine Sammelklage gegen Meta ein.",
        "legal_action", "Meta Platforms", "completed", kind="lawsuit",
        counterparty="Verbraucherzentrale Bundesverband", id="de-legal-meta-sammelklage"),
    row("de", "Die BaFin verhängte gegen die Commerzbank ein Bußgeld von 1,45 Mio. Euro.",
        "legal_action", "Commerzbank", "completed", kind="fine", counterparty="BaFin",
        amount=M("1.45e6", "EUR"), id="de-legal-commerzbank-bussgeld"),
    row("de", "Google einigt sich im Streit mit Verlagen auf einen außergerichtlichen Vergleich.",
        "legal_action", "Alphabet", "completed", kind="settlement", id="de-legal-google-vergleich"),
    row("de", "Volkswagen hat den Rechtsstreit mit einem US-Zulieferer um fehlerhafte Airbags beigelegt.",
        "legal_action", "Volkswagen", "completed", kind="settlement", id="de-legal-vw-beigelegt"),
    row("de", "Die Finanzaufsicht BaFin hat bei der Commerzbank eine Sonderprüfung angeordnet.",
        "legal_action", "Commerzbank", "completed", kind="investigation", counterparty="BaFin",
        id="de-legal-commerzbank-sonderpruefung"),
    row("de", "Nokia verklagt Apple wegen der Verletzung von Patenten für Videostreaming.",
        "legal_action", "Apple", "completed", kind="lawsuit", counterparty="Nokia",
        id="de-legal-apple-verklagt-roles"),
    # ---------------------------------------------------------------- legal_action, English
    row("en", "The European Commission fined Google €4.3 billion for abusing the dominance of Android.",
        "legal_action", "Alphabet", "completed", kind="fine", counterparty="European Commission",
        amount=M("4.3e9", "EUR"), id="en-legal-google-fined"),
    row("en", "The SEC sued Coinbase for operating as an unregistered securities exchange.",
        "legal_action", "Coinbase", "completed", kind="lawsuit", counterparty="SEC",
        id="en-legal-coinbase-sec"),
    row("en", "Meta agreed to pay $725 million to settle a privacy class action.",
        "legal_action", "Meta Platforms", "completed", kind="settlement", amount=M("725e6", "USD"),
        id="en-legal-meta-settlement"),
    row("en", "Alphabet agreed to pay $350 million to settle a shareholder lawsuit over a data exposure.",
        "legal_action", "Alphabet", "completed", kind="settlement", amount=M("350e6", "USD"),
        id="en-legal-alphabet-agreed-to-settle"),
    row("en", "The Department of Justice opened an investigation into Boeing.",
        "legal_action", "Boeing", "completed", kind="investigation", counterparty="Department of Justice",
        id="en-legal-boeing-doj"),
    row("en", "The Federal Trade Commission is suing Amazon over its Prime subscription practices.",
        "legal_action", "Amazon", "completed", kind="lawsuit", counterparty="Federal Trade Commission",
        id="en-legal-amazon-ftc"),
    row("en", "Britain's Financial Conduct Authority fined Barclays £40 million over its 2008 fundraising.",
        "legal_action", "Barclays", "completed", kind="fine", counterparty="Financial Conduct Authority",
        amount=M("40e6", "GBP"), id="en-legal-barclays-fca"),
    row("en", "Johnson & Johnson settled talc claims with 42 U.S. states for $700 million.",
        "legal_action", "Johnson & Johnson", "completed", kind="settlement", amount=M("700e6", "USD"),
        id="en-legal-jnj-settled"),
    row("en", "French antitrust regulators fined Apple €150 million over its app privacy tool.",
        "legal_action", "Apple", "completed", kind="fine", counterparty="regulators", amount=M("150e6", "EUR"),
        id="en-legal-apple-regulators"),
    row("en", "Nokia sued Amazon for infringing its video streaming patents.",
        "legal_action", "Amazon", "completed", kind="lawsuit", counterparty="Nokia",
        id="en-legal-amazon-sued-roles"),
    # ---------------------------------------------------------------- rating_change, German
    row("de", "Moody's stuft die Bonität von Volkswagen von A3 auf Baa1 herab.",
        "rating_change", "Volkswagen", "completed", agency="Moody's", direction="downgrade",
        from_rating="A3", to_rating="Baa1", id="de-rating-vw-moodys"),
    row("de", "S&P hat das Rating von Bayer auf BBB gesenkt.",
        "rating_change", "Bayer", "completed", agency="S&P", direction="downgrade", to_rating="BBB",
        id="de-rating-bayer-sp"),
    row("de", "Fitch bestätigte das Rating von Siemens mit A+.",
        "rating_change", "Siemens", "completed", agency="Fitch", direction="affirmed", to_rating="A+",
        id="de-rating-siemens-fitch-affirmed"),
    row("de", "Scope hebt das Rating der Commerzbank von A- auf A an.",
        "rating_change", "Commerzbank", "completed", agency="Scope", direction="upgrade", from_rating="A-",
        to_rating="A", id="de-rating-commerzbank-scope"),
    row("de", "Thyssenkrupp wurde von Moody's auf Ba3 herabgestuft.",
        "rating_change", "Thyssenkrupp", "completed", agency="Moody's", direction="downgrade", to_rating="Ba3",
        id="de-rating-thyssenkrupp-passive"),
    row("de", "S&P hebt die Kreditwürdigkeit der Lufthansa von BB+ auf BBB- an.",
        "rating_change", "Lufthansa", "completed", agency="S&P", direction="upgrade", from_rating="BB+",
        to_rating="BBB-", id="de-rating-lufthansa-investment-grade"),
    row("de", "Fitch senkt das Rating für Continental um eine Stufe auf „BBB-“.",
        "rating_change", "Continental", "completed", agency="Fitch", direction="downgrade", to_rating="BBB-",
        id="de-rating-continental-quotes"),
    row("de", "Moody's bestätigte die Bonitätsnote Baa2 für Volkswagen; der Ausblick bleibt stabil.",
        "rating_change", "Volkswagen", "completed", agency="Moody's", direction="affirmed", to_rating="Baa2",
        id="de-rating-vw-affirmed-outlook"),
    # ---------------------------------------------------------------- rating_change, English
    row("de", "S&P stuft Volkswagen herab.",
        "rating_change", "Volkswagen", "completed", agency="S&P", direction="downgrade",
        id="de-rating-vw-herab-only"),
    row("de", "Die Ratingagentur Moody's stufte Volkswagen im Juli von A3 auf Baa1 herab.",
        "rating_change", "Volkswagen", "completed", agency="Moody's", direction="downgrade", from_rating="A3",
        to_rating="Baa1", id="de-rating-vw-stufte-herab"),
    row("de", "S&P stuft Volkswagen auf Ramschniveau ab.",
        "rating_change", "Volkswagen", "completed", agency="S&P", direction="downgrade", id="de-rating-vw-ramsch"),
    row("en", "S&P downgraded Boeing to BBB- from BBB on Tuesday.",
        "rating_change", "Boeing", "completed", agency="S&P", direction="downgrade", from_rating="BBB",
        to_rating="BBB-", id="en-rating-boeing-sp"),
    row("en", "Moody's upgraded Ford to Baa3 from Ba1, restoring its investment-grade rating.",
        "rating_change", "Ford", "completed", agency="Moody's", direction="upgrade", from_rating="Ba1",
        to_rating="Baa3", id="en-rating-ford-moodys"),
    row("en", "Fitch affirmed Siemens at A+ with a stable outlook.",
        "rating_change", "Siemens", "completed", agency="Fitch", direction="affirmed", to_rating="A+",
        id="en-rating-siemens-fitch"),
    row("en", "Fitch cut Intel's credit rating to BBB+ from A-.",
        "rating_change", "Intel", "completed", agency="Fitch", direction="downgrade", from_rating="A-",
        to_rating="BBB+", id="en-rating-intel-fitch-cut"),
    row("en", "S&P Global Ratings lowered Paramount's credit rating to junk.",
        "rating_change", "Paramount", "completed", agency="S&P Global Ratings", direction="downgrade",
        id="en-rating-paramount-junk"),
    row("en", "Moody's affirmed Alphabet's Aa2 rating and changed the outlook to positive.",
        "rating_change", "Alphabet", "completed", agency="Moody's", direction="affirmed", to_rating="Aa2",
        id="en-rating-alphabet-affirmed"),
    row("en", "Scope Ratings upgraded Volkswagen to A from A-.",
        "rating_change", "Volkswagen", "completed", agency="Scope", direction="upgrade", from_rating="A-",
        to_rating="A", id="en-rating-vw-scope"),
    row("en", "Fitch upgraded Nvidia to A+ from A on strong demand for its data center chips.",
        "rating_change", "Nvidia", "completed", agency="Fitch", direction="upgrade", from_rating="A",
        to_rating="A+", id="en-rating-nvidia-fitch"),
    row("en", "Scope Ratings affirmed Siemens at A+ with a stable outlook.",
        "rating_change", "Siemens", "completed", agency="Scope", direction="affirmed", to_rating="A+",
        id="en-rating-siemens-scope-affirmed"),
    row("en", "Fitch lowered Boeing's long-term rating to BBB- on Wednesday.",
        "rating_change", "Boeing", "completed", agency="Fitch", direction="downgrade", to_rating="BBB-",
        id="en-rating-boeing-fitch-lowered"),
]


@pytest.mark.parametrize(("lang", "text", "etype", "company", "status", "fields"), POSITIVE)
def test_positive(lang, text, etype, company, status, fields):
    events = [e for e in mine(lang, text) if e.type == etype]
    found = [e for e in events if _same_company(e.company, company)]
    if "metric" in fields:
        found = [e for e in found if (e.metric or "").casefold() == fields["metric"].casefold()] or found
    assert found, f"no {etype} event for {company!r}; got {[(e.type, e.company.name) for e in events]}"
    event = found[0]
    assert event.status == status
    assert event.lang == lang
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    wrong = {
        name: getattr(event, name)
        for name, want in fields.items()
        if not _field_ok(want, getattr(event, name))
    }
    assert not wrong, f"expected {fields}, wrong: {wrong}"


# The agency or authority is a field, never the company of the event.
AGENCY_NOT_COMPANY = [
    pytest.param("de", "Moody's stuft Volkswagen von A3 auf Baa1 herab.", "Moody's",
                 id="de-moodys-not-company"),
    pytest.param("en", "Moody's downgraded Volkswagen to Baa1 from A3.", "Moody's",
                 id="en-moodys-not-company"),
    pytest.param("en", "S&P Global Ratings upgraded Alphabet to AA+ from AA.", "S&P Global",
                 id="en-sp-global-not-company"),
]


@pytest.mark.parametrize(("lang", "text", "agency"), AGENCY_NOT_COMPANY)
def test_agency_is_not_the_company(lang, text, agency):
    events = [e for e in mine(lang, text) if e.type == "rating_change"]
    assert events
    assert not [e for e in events if _same_company(e.company, agency)]


NEGATIVE = [
    # German: macro news, stock moves, analysts, advice, hiring, generic talk
    pytest.param("de", "Die Inflation stieg im Juni auf 2,4 Prozent.", id="de-neg-inflation"),
    pytest.param("de", "Bei einem Verstoß droht der Kestrel Software AG eine Strafe von bis zu "
                 "4 Prozent des weltweiten Umsatzes.", id="de-neg-share-of-revenue"),
    pytest.param("en", "Under the agreement, Kinsale Genomics could receive up to $1.1 billion in "
                 "upfront and milestone payments, plus royalties on sales.", id="en-neg-royalties"),
    pytest.param("en", "If found in breach, Orbis Digital Inc. could face a fine of up to 10% of "
                 "its global turnover.", id="en-neg-share-of-turnover"),
    pytest.param("de", "Die Arbeitslosigkeit stieg im Mai um 50.000 auf 2,9 Millionen.", id="de-neg-unemployment"),
    pytest.param("de", "Die Aktie von Volkswagen fiel nach den Quartalszahlen um 4 Prozent.",
                 id="de-neg-stock-move-after-results"),
    pytest.param("de", "Der Dax legte am Nachmittag um 1,2 Prozent zu, Volkswagen-Aktien gewannen 3 Prozent.",
                 id="de-neg-index-move"),
    pytest.param("de", "Analysten erwarten bei Volkswagen für das dritte Quartal einen Umsatz von 78 Mrd. Euro.",
                 id="de-neg-analyst-expectation"),
    pytest.param("de", "Die Zahl der Unternehmensinsolvenzen in Deutschland stieg im ersten Halbjahr um 20 Prozent.",
                 id="de-neg-insolvency-statistics"),
    pytest.param("de", "Anleger sollten bei Volkswagen vor allem auf die Prognose für das Gesamtjahr achten.",
                 id="de-neg-advice"),
    pytest.param("de", "Experten rechnen damit, dass der Stellenabbau in der Autoindustrie weitergeht.",
                 id="de-neg-sector-job-cuts"),
    pytest.param("de", "Die Deutsche Bank stuft die Volkswagen-Aktie von Kaufen auf Halten herab.",
                 id="de-neg-analyst-recommendation"),
    pytest.param("de", "Das Ifo-Institut senkt seine Konjunkturprognose für 2025 auf 0,2 Prozent.",
                 id="de-neg-economic-forecast"),
    pytest.param("de", "Volkswagen will bis 2026 zusätzliche 2.000 Stellen in der Softwaresparte schaffen.",
                 id="de-neg-hiring"),
    pytest.param("de", "Der Umsatz im Einzelhandel stieg im Juli um 1,5 Prozent.", id="de-neg-retail-sales"),
    pytest.param("de", "Volkswagen-Chef Oliver Blume verdiente im vergangenen Jahr 10,3 Mio. Euro.",
                 id="de-neg-executive-pay"),
    pytest.param("de", "Google klagt über zu viel Bürokratie in Europa.", id="de-neg-klagt-ueber"),
    pytest.param("de", "Im Vergleich zum Vorjahr stieg der Absatz von Volkswagen um 3 Prozent.",
                 id="de-neg-im-vergleich"),
    pytest.param("de", "Anleger strafen die Meta-Aktie nach dem Ausblick ab, das Papier verliert 8 Prozent.",
                 id="de-neg-anleger-strafen-ab"),
    pytest.param("de", "Volkswagen droht nach Einschätzung von Experten keine Insolvenz.", id="de-neg-droht"),
    # English
    pytest.param("en", "The unemployment rate rose to 4.1% in June.", id="en-neg-unemployment"),
    pytest.param("en", "Shares of Meta fell 3% in early trading on Monday.", id="en-neg-stock-move"),
    pytest.param("en", "Analysts expect Alphabet to report revenue of $84 billion for the quarter.",
                 id="en-neg-analysts-expect"),
    pytest.param("en", "Wall Street analysts forecast Meta's revenue to rise 15% next year.",
                 id="en-neg-analysts-forecast"),
    pytest.param("en", "Investors should diversify rather than chase tech stocks like Meta.", id="en-neg-advice"),
    pytest.param("en", "The auto sector faces job cuts as demand for electric vehicles slows.",
                 id="en-neg-sector-job-cuts"),
    pytest.param("en", "Alphabet fine-tuned its Gemini model for enterprise customers.", id="en-neg-fine-tuned"),
    pytest.param("en", "Brent crude settled at $80 a barrel.", id="en-neg-settled-price"),
    pytest.param("en", "Goldman Sachs upgraded Alphabet to buy from neutral.", id="en-neg-analyst-upgrade"),
    pytest.param("en", "Google will add 1,000 jobs at its new data center in Ohio.", id="en-neg-hiring"),
    pytest.param("en", "Consumer prices rose 2.4% in the year to June, the Labor Department said.",
                 id="en-neg-consumer-prices"),
    pytest.param("en", "Meta's stock has gained 40% this year, boosting its market value to $1.5 trillion.",
                 id="en-neg-market-value"),
    pytest.param("en", "The Federal Reserve left interest rates unchanged and lowered its growth forecast.",
                 id="en-neg-fed-forecast"),
    pytest.param("en", "Volkswagen followed suit and cut prices for its electric cars in China.",
                 id="en-neg-followed-suit"),
    pytest.param("en", "The number of corporate bankruptcies in the US rose to the highest level since 2010.",
                 id="en-neg-bankruptcy-statistics"),
    pytest.param("en", "Alphabet is doing fine despite the slowdown in advertising.", id="en-neg-doing-fine"),
    pytest.param("en", "Meta's revenue beat analysts' estimates, and the stock rose 5% after hours.",
                 id="en-neg-beat-estimates-stock-move"),
    pytest.param("en", "Meta shares fell 4% after the profit warning.", id="en-neg-after-profit-warning"),
    pytest.param("de", "Meta droht eine Strafe von bis zu 6 Prozent des weltweiten Jahresumsatzes.",
                 id="de-neg-share-of-revenue"),
    pytest.param("en", "Moody's is a credit rating agency headquartered in New York.", id="en-neg-agency-as-such"),
    pytest.param("en", "Investors fear that Alphabet could face a fine of up to 10% of global revenue.",
                 id="en-neg-fear-of-fine"),
    pytest.param("de", "Volkswagen-Aktien verloren nach der Gewinnwarnung 5 Prozent.", id="de-neg-nach-gewinnwarnung"),
    pytest.param("de", "Mit rund 2,3 Milliarden Euro Umsatz wäre Volkswagen Financial Services der größte Anbieter.",
                 id="de-neg-company-size"),
    pytest.param("en", "Alphabet upgraded its Android software with new privacy features.",
                 id="en-neg-software-upgrade"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVE)
def test_negative(lang, text):
    assert [(e.type, e.company.name) for e in mine(lang, text)] == []
