"""Which of the report's five regions a country belongs to, for countries new to the database.

An entry imported for a country the organisation has never covered needs a region page. The
table follows the regions annual reports use (and the demo's region slugs): Sudan and
Mauritania with Africa, Iran with the Middle East and North Africa, Central Asia and Turkey with
Europe. An organisation whose regions have other slugs chooses the region at import instead.
"""

REGION_CODES = {
    "africa": "AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MR "
    "MU YT MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW",
    "americas": "AI AG AR AW BS BB BZ BM BO BQ BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GD GP GT GY HT "
    "HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US UY VE VI",
    "asia-pacific": "AF AS AU BD BT BN KH CN CX CC CK FJ PF GU HK IN ID JP KI KP KR LA MO MY MV MH FM MN MM "
    "NR NP NC NZ NU NF MP PK PW PG PH PN WS SG SB LK TW TH TL TK TO TV VU VN WF",
    "europe-and-central-asia": "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GI GR GL HU IS IE IM IT "
    "JE KZ XK KG LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB UZ VA FO AX",
    "middle-east-and-north-africa": "DZ BH EG IR IQ IL JO KW LB LY MA OM PS QA SA SY TN AE YE EH",
}

REGION_OF = {code: slug for slug, codes in REGION_CODES.items() for code in codes.split()}


def region_slug_for(iso_code):
    """The usual region's slug for a country code, or "" when the table does not know it."""
    return REGION_OF.get(iso_code, "")
