#!/usr/bin/env bash
# Rebuilds every committed model and derived table from its source data, exactly as shipped.
# Needs the shared datasets beside the checkout (../shared/datasets), npm (for world-atlas) and,
# for the language and region tables, Debian packages: apt-get install -y libexttextcat-data iso-codes
# Each command is deterministic: rerunning it reproduces the committed file byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets

# Gazetteer (GeoNames cities500 + ISO 3166) -> models/places/gazetteer.bin.gz
./crosscheck train gazetteer --geonames "$shared/geonames-cities500" --iso-codes /usr/share/iso-codes/json --out models/places/gazetteer.bin.gz
# Language profiles (TextCat .lm files from libexttextcat-data) -> models/language/profiles.tsv.gz
./crosscheck train language --exttextcat /usr/share/libexttextcat --out models/language/profiles.tsv.gz
# Country outlines for the offline map (Natural Earth via npm world-atlas) -> models/places/world-outlines.bin.gz
atlas=$(mktemp -d)
(cd "$atlas" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
./crosscheck train world-map --world-atlas "$atlas/package/countries-50m.json"
rm -rf "$atlas"
# Place names the NER model uses as a feature (GeoNames) -> models/ner/place-names.bin.gz
./crosscheck train place-names --geonames "$shared/geonames-cities500/cities500.txt"
# Word clusters the NER model reads as features (exchange clustering + Brown-style tree over unlabeled
# text: NER training parts, ECB+ dev, MEANTIME, GeoVirus) -> models/ner/word-clusters.tsv.gz; before `train ner`
./crosscheck train clusters --datasets "$shared"
# NER: averaged perceptron on GMB, WikiGold, Re-DocRED (every 10th document held out) -> models/ner/ner-model.bin.gz
./crosscheck train ner --datasets "$shared" --out models/ner/ner-model.bin.gz
# Words prose writes in lower case, for recasing headlines and capitals before NER -> models/ner/lowercase-words.txt
./crosscheck train truecase --datasets "$shared"
# Attribution cue priors and cue classifier from PolNeAR train -> models/claims/
./crosscheck train attribution --polnear "$shared/polnear/train" --out models/claims/cue-priors-en.tsv
