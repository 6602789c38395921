"""Derive src/frontwatch/data/gazetteer/ua_oblasts.tsv from Natural Earth admin-1 (public domain).

Usage: python tools/derive_ua_oblasts.py ../shared/data/boundaries/ukraine_admin1.geojson
The label points (latitude/longitude) are Natural Earth's; the variant spellings are the
national romanization, the Russian-style spellings used in reporting, and Natural Earth's
alternate names. The KATOTTG and GeoNames codes are public identifiers.
"""

from __future__ import annotations

import json
import sys

# ISO 3166-2, KATOTTG prefix, GeoNames admin1, English name, spelling variants of the stem.
OBLASTS = [
    ("UA-43", "UA01", "UA.11", "Autonomous Republic of Crimea", "Crimea|Krym|Crimean"),
    ("UA-05", "UA05", "UA.23", "Vinnytsia Oblast", "Vinnytsia|Vinnytsya|Vinnitsa|Vinnytska"),
    ("UA-07", "UA07", "UA.24", "Volyn Oblast", "Volyn|Volhynia|Volynska"),
    (
        "UA-12",
        "UA12",
        "UA.04",
        "Dnipropetrovsk Oblast",
        "Dnipropetrovsk|Dnepropetrovsk|Dnipropetrovska|Dnipro",
    ),
    ("UA-14", "UA14", "UA.05", "Donetsk Oblast", "Donetsk|Donetska|Donetskaya"),
    ("UA-18", "UA18", "UA.27", "Zhytomyr Oblast", "Zhytomyr|Zhitomir|Zhytomyrska"),
    (
        "UA-21",
        "UA21",
        "UA.25",
        "Zakarpattia Oblast",
        "Zakarpattia|Transcarpathia|Transcarpathian|Zakarpatska|Zakarpattya",
    ),
    (
        "UA-23",
        "UA23",
        "UA.26",
        "Zaporizhzhia Oblast",
        "Zaporizhzhia|Zaporizhia|Zaporozhye|Zaporozhia|Zaporizka|Zaporizhzhya",
    ),
    (
        "UA-26",
        "UA26",
        "UA.06",
        "Ivano-Frankivsk Oblast",
        "Ivano-Frankivsk|Ivano-Frankovsk|Ivano-Frankivska",
    ),
    ("UA-32", "UA32", "UA.13", "Kyiv Oblast", "Kyiv|Kiev|Kyivska"),
    (
        "UA-35",
        "UA35",
        "UA.10",
        "Kirovohrad Oblast",
        "Kirovohrad|Kirovograd|Kirovohradska|Kropyvnytskyi",
    ),
    ("UA-09", "UA44", "UA.14", "Luhansk Oblast", "Luhansk|Lugansk|Luhanska|Luganskaya"),
    ("UA-46", "UA46", "UA.15", "Lviv Oblast", "Lviv|Lvov|Lvivska"),
    (
        "UA-48",
        "UA48",
        "UA.16",
        "Mykolaiv Oblast",
        "Mykolaiv|Mykolayiv|Nikolaev|Nikolayev|Mykolaivska",
    ),
    ("UA-51", "UA51", "UA.17", "Odesa Oblast", "Odesa|Odessa|Odeska"),
    ("UA-53", "UA53", "UA.18", "Poltava Oblast", "Poltava|Poltavska"),
    ("UA-56", "UA56", "UA.19", "Rivne Oblast", "Rivne|Rovno|Rivnenska"),
    ("UA-59", "UA59", "UA.21", "Sumy Oblast", "Sumy|Sumska"),
    ("UA-61", "UA61", "UA.22", "Ternopil Oblast", "Ternopil|Ternopol|Ternopilska"),
    ("UA-63", "UA63", "UA.07", "Kharkiv Oblast", "Kharkiv|Kharkov|Kharkivska"),
    ("UA-65", "UA65", "UA.08", "Kherson Oblast", "Kherson|Khersonska"),
    (
        "UA-68",
        "UA68",
        "UA.09",
        "Khmelnytskyi Oblast",
        "Khmelnytskyi|Khmelnitsky|Khmelnytsky|Khmelnytska",
    ),
    ("UA-71", "UA71", "UA.01", "Cherkasy Oblast", "Cherkasy|Cherkassy|Cherkaska"),
    ("UA-77", "UA73", "UA.03", "Chernivtsi Oblast", "Chernivtsi|Chernovtsy|Chernivetska"),
    ("UA-74", "UA74", "UA.02", "Chernihiv Oblast", "Chernihiv|Chernigov|Chernihivska"),
    ("UA-30", "UA80", "UA.12", "Kyiv City", "Kyiv City|Kiev City"),
    ("UA-40", "UA85", "UA.20", "Sevastopol City", "Sevastopol City"),
]


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    points = {f["properties"]["iso_3166_2"]: f["properties"] for f in features}
    print("# Ukraine's oblasts, Crimea, Kyiv and Sevastopol, with the codes that join the sources.")
    print("# Label points: Natural Earth 1:10m admin-1 (public domain). Derived by")
    print(
        "# tools/derive_ua_oblasts.py; spellings are the national romanization and common variants."
    )
    print("iso\tkatottg\tgeonames\tname\tvariants\tlat\tlon")
    for iso, katottg, geonames, name, variants in OBLASTS:
        props = points[iso]
        print(
            f"{iso}\t{katottg}\t{geonames}\t{name}\t{variants}\t{props['latitude']}\t{props['longitude']}"
        )


if __name__ == "__main__":
    main(sys.argv[1])
