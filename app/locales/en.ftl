# Soirée in English. One message per line: `id = text`; a translator edits
# only the text. Messages with a number choose their form by CLDR's plural
# rules: `{ $count -> [one] … *[other] … }`.
