# Soirée en français. Un message par ligne : `id = texte` ; on ne traduit
# que le texte. Un message qui dépend d'un nombre choisit sa forme selon les
# règles de pluriel du CLDR : `{ $count -> [one] … *[other] … }`.

## Le cadre de chaque page
site-description = Soirée : des ventes à domicile animées par les fans d'une marque.
skip-to-content = Aller au contenu
nav-account = Compte
nav-your-parties = Vos soirées
nav-brand-dashboard = Tableau de bord de la marque
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
footer-tagline = Soirée · des ventes à domicile animées par des fans
language-switcher = Langue
language-switch-to = Passer en { $language }

## Erreurs
not-found-title = Page introuvable
not-found-text = Il n'y a rien à cette adresse. Si vous avez suivi un lien d'invitation, vérifiez qu'il est complet.
go-home = Aller à l'accueil
