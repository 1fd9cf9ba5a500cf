# Soirée en français. Un message par ligne : `id = texte` ; on ne traduit
# que le texte. Un message qui dépend d'un nombre choisit sa forme selon les
# règles de pluriel du CLDR : `{ $count -> [one] … *[other] … }`.
