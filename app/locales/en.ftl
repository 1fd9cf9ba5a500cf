# Soirée in English. One message per line: `id = text`; a translator edits
# only the text. Messages with a number choose their form by CLDR's plural
# rules: `{ $count -> [one] … *[other] … }`.

## The frame of every page
site-description = Soirée: home parties hosted by a brand's fans.
skip-to-content = Skip to content
nav-account = Account
nav-your-parties = Your parties
nav-brand-dashboard = Brand dashboard
nav-sign-in = Sign in
nav-sign-out = Sign out
footer-tagline = Soirée · home parties hosted by fans
language-switcher = Language
language-switch-to = Switch to { $language }

## Errors
not-found-title = Page not found
not-found-text = There is nothing at this address. If you followed an invitation link, check that it is complete.
go-home = Go to the home page
