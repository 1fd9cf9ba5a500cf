# Soirée en français. Un message par ligne : `id = texte` ; on ne traduit
# que le texte. Un message qui dépend d'un nombre choisit sa forme selon les
# règles de pluriel du CLDR : `{ $count -> [one] … *[other] … }`.

## Le cadre de chaque page
site-description = Soirée : des ventes à domicile animées par les fans d’une marque.
skip-to-content = Aller au contenu
nav-account = Compte
nav-your-parties = Vos soirées
nav-brand-dashboard = Tableau de bord de la marque
nav-sign-in = Se connecter
nav-sign-out-everywhere = Se déconnecter partout
nav-sign-out = Se déconnecter
footer-privacy = Confidentialité
footer-tagline = Soirée · des ventes à domicile animées par des fans
language-switcher = Langue :

## Erreurs
not-found-title = Page introuvable
not-found-text = Il n’y a rien à cette adresse. Si vous avez suivi un lien d’invitation, vérifiez qu’il est complet.
go-home = Aller à l’accueil

## E-mails aux invités et aux acheteurs
mail-hello-name = Bonjour { $name },
mail-order-subject = Votre commande de la soirée { $party }
mail-order-thanks = Merci pour votre commande passée lors de la soirée « { $party } ».
mail-order-items = Articles : { $amount } (dont TVA : { $vat })
mail-order-shipping = Livraison : { $amount }
mail-order-total = Total : { $amount }
mail-order-delivery-host = Livraison : chez l’hôte, où vous viendrez la retirer.
mail-order-delivery-home = Adresse de livraison : { $address }
mail-order-pay-by-card = Payez par carte sur la page de votre commande dans les { $minutes } minutes ; passé ce délai, les articles sont remis en vente :
mail-order-pay-at-delivery = Vous payez à la livraison.
mail-order-follow = Suivez votre commande, étape par étape :

## Le formulaire de la soirée
event-language = Langue de la soirée
event-language-hint = Les invitations, les pages des invités et leurs e-mails sont rédigés dans cette langue.

## Les réglages de la marque
brand-language = Langue par défaut
brand-language-hint = Les soirées se déroulent dans cette langue, sauf si leur hôte en choisit une autre ; les visiteurs dont le navigateur ne demande ni le français ni l’anglais la lisent aussi.

## app/src/orders/mod.rs
order-loading = Chargement…
cart-quantity = Quantité
cart-add = Ajouter au panier
cart-added = Dans votre panier : { $count }.
cart-see = Voir votre panier
cart-page-title = Votre panier · Soirée
cart-title = Votre panier
cart-closed = Les commandes de cette soirée sont closes.
cart-empty = Votre panier est vide.
cart-see-collection = Voir la collection
cart-unit-price = { $price } l’unité
cart-quantity-of = Quantité pour { $name }
cart-remove = 0 (retirer)
cart-update = Mettre à jour
order-items-vat-included = Articles (TVA incluse)
order-vat-share = dont TVA
cart-shipping-to-host = Livraison chez l’hôte
cart-shipping-free = offerte
cart-shipping-to-home = Livraison à votre adresse
checkout-title = Valider la commande
checkout-name = Votre nom
checkout-email = Votre adresse e-mail
checkout-email-hint = Vous y recevrez votre confirmation et le lien de suivi.
checkout-delivery = Livraison
checkout-delivery-host = Chez l’hôte, où vous viendrez la retirer : offerte (total { $total })
checkout-delivery-home = À mon adresse : { $shipping } de livraison, offerte dès { $free_from } (total { $total })
checkout-address = Votre adresse (pour une livraison à domicile)
checkout-wants-to-host = J’aimerais organiser ma propre soirée (la marque me contactera)
checkout-placing = Commande en cours…
checkout-place = Passer la commande
checkout-pay-hint = La page de votre commande et l’e-mail de confirmation vous indiquent comment payer.
checkout-payment = Paiement
checkout-card-needs-js-only = Le paiement par carte bancaire nécessite JavaScript, désactivé dans ce navigateur, et cette marque n’accepte que la carte bancaire : activez JavaScript pour commander.
checkout-card-needs-js = Le paiement par carte bancaire nécessite JavaScript, désactivé dans ce navigateur : choisissez un autre moyen de paiement.
track-page-title = Votre commande · Soirée
track-eyebrow = Commande n° { $number } · { $party }
track-thanks = Merci, { $name }
pay-transfer-title = Payer par virement bancaire
pay-transfer-text = Envoyez { $amount } sur ce compte, avec la référence ci-dessous : c’est grâce à elle que la marque retrouve votre commande.
pay-transfer-holder = Titulaire du compte
pay-transfer-reference = Référence
track-lines-title = Détail de votre commande
track-shipping = Livraison
track-host-credit = Crédit hôte
track-total = Total
track-delivery-host = Livraison : chez l’hôte, où vous viendrez la retirer.
track-delivery-address = Adresse de livraison : { $address }
track-placed = Commande passée le { $date }

## app/src/orders/domain.rs
checkout-error-name = Indiquez votre nom, tel qu’il doit figurer sur le colis.
checkout-error-delivery = Choisissez la livraison à votre adresse ou chez l’hôte.
checkout-error-payment = Choisissez votre moyen de paiement.
checkout-error-stale = Ce formulaire de commande n’est plus à jour : rechargez la page et réessayez.
checkout-error-address = Indiquez votre adresse complète : numéro et rue, code postal et ville.
checkout-error-address-long = L’adresse ne doit pas dépasser 300 caractères.

## app/src/orders/card.rs
pay-card-title = Payer par carte bancaire
pay-card-not-opened = Le service de paiement n’a pas répondu au moment de votre commande. Votre commande est bien enregistrée : payez ci-dessous.
pay-card-deadline = Payez { $amount } avant le { $deadline } ; passé ce délai, les articles sont remis en vente.
pay-card-needs-js = Le paiement par carte bancaire nécessite JavaScript, désactivé dans ce navigateur.
pay-card-label = Numéro de carte, date d’expiration et cryptogramme
pay-card-paying = Paiement en cours…
pay-card-submit = Payer { $amount }
pay-otherwise = Ou payez autrement :
pay-otherwise-transfer = Payer plutôt par virement bancaire
pay-otherwise-delivery = Payer plutôt à la livraison
pay-card-loading = Le champ de la carte est encore en cours de chargement : réessayez dans un instant.
pay-card-declined = Votre carte n’a pas été acceptée : essayez avec une autre carte.
pay-card-load-failed = Le champ de la carte n’a pas pu être chargé : vérifiez votre connexion et rechargez la page.
pay-card-no-answer = Le service de paiement n’a pas répondu : réessayez.
pay-card-auth-failed = L’authentification de votre carte n’a pas abouti et rien n’a été débité : réessayez ou utilisez une autre carte.
pay-otherwise-choose = Choisissez le virement bancaire ou le paiement à la livraison.
pay-card-unreachable = Le service de paiement n’a pas répondu et rien n’a été débité : réessayez dans un instant.
pay-card-not-offered = Cette marque n’accepte pas encore la carte bancaire.
pay-card-expired = Cette commande ne peut plus être payée : le délai de 30 minutes est dépassé et ses articles ont été remis en vente.
pay-card-missing = Saisissez le numéro, la date d’expiration et le cryptogramme de votre carte.
pay-otherwise-not-waiting = Cette commande n’est plus en attente de paiement.
pay-otherwise-not-offered = La marque n’accepte pas ce moyen de paiement.
pay-otherwise-unreachable = Le service de paiement n’a pas répondu : votre paiement par carte n’a donc pas pu être arrêté. Réessayez dans un instant.

## app/src/base/order.rs
order-status-placed = Enregistrée
order-status-paid = Payée
order-status-in-preparation = En préparation
order-status-shipped = Expédiée
order-status-delivered = Livrée
order-status-cancelled = Annulée
order-status-refunded = Remboursée
pay-method-card = Par carte bancaire, dès maintenant
pay-method-transfer = Par virement bancaire
pay-method-delivery = À la livraison

## app/src/base/items.rs
item-sold-out = Épuisé
item-only-left =
    { $count ->
        [one] Plus qu’un seul en stock
       *[other] Plus que { $count } en stock
    }
item-label-title = De quoi est-il fait ?
item-composition = Composition
item-recycled-content = Part de matières recyclées
item-made-in = Pays de fabrication
item-care = Entretien
item-how-it-is-made = Sa fabrication
item-photo-alt = { $name }, photo { $number } sur { $count }

## app/src/pages/guest.rs
guest-collection-title = La collection
guest-cart-link = Votre panier et votre commande
guest-collection-empty = L’hôte n’a pas encore choisi les articles. Revenez bientôt !
guest-loading-collection = Chargement de la collection…
guest-loading = Chargement…
guest-item-page-title = Article · Soirée
guest-vat-included = TVA comprise ({ $rate } %)
guest-orders-closed = Les commandes de cette soirée sont closes.
guest-in-favourites = ♥ Dans vos coups de cœur
guest-add-to-favourites = ♡ Ajouter à vos coups de cœur
guest-shared-page-title = Une soirée · Soirée
guest-host-is-hosting = { $host } vous reçoit
guest-when = Quand
guest-until = Jusqu’à
guest-where = Où
guest-where-online = En ligne : le lien vous parviendra avec votre invitation.
guest-where-at-home = Chez l’hôte : l’adresse est communiquée aux invités qui répondent oui.
guest-join-title = Rejoindre la soirée
guest-join-intro = Laissez votre nom et votre e-mail : vous recevrez par e-mail votre lien d’invitation personnel, pour répondre et suivre la soirée.
guest-your-name = Votre nom
guest-your-email = Votre e-mail
guest-join-submit = Envoyez-moi mon invitation
guest-joined = Consultez votre boîte de réception : votre lien d’invitation personnel est en route.
guest-invitation-page-title = Votre invitation · Soirée
guest-host-invites-you = { $host } vous invite
guest-your-answer = Votre réponse
guest-waiting-list = La soirée est complète pour le moment : vous êtes sur liste d’attente. Nous vous écrirons si une place se libère.
guest-will-you-come = Serez-vous des nôtres ?
guest-answer-yes = Oui, je serai là
guest-answer-maybe = Peut-être
guest-answer-no = Non, je ne pourrai pas venir
guest-companions = Personnes qui vous accompagnent
guest-note-label = Un mot pour { $host } (facultatif)
guest-send-answer = Envoyer ma réponse

## app/src/invitations/mod.rs
invite-party-cancelled = { $host } a annulé cette soirée. Plus rien ne peut y être commandé ; une commande déjà payée vous sera tout de même livrée.
invite-party-closed = Cette soirée est terminée : les commandes ont pris fin le { $date }. Merci de votre présence ! Vos commandes sont en route : consultez l’e-mail reçu pour chacune.
invite-place-at-home = Chez l’hôte : l’adresse s’affichera ici dès que vous aurez répondu oui.
invite-place-online-answer = En ligne : le lien de la visio est pour les invités qui répondent oui.
invite-place-online-soon = En ligne : le lien de la visio apparaît ici à { $when }, 15 minutes avant le début.
invite-place-online-now = En ligne, maintenant :
guest-join-video = Rejoindre la visio
invite-paste-at-least-one = Collez au moins un invité, un par ligne.
invite-rsvp-yes = Oui
invite-rsvp-maybe = Peut-être
invite-rsvp-no = Non
invite-rsvp-waiting = Liste d’attente
invite-rsvp-none = Pas encore de réponse
invite-sent =
    { $count ->
        [one] { $count } invitation en cours d’envoi.
       *[other] { $count } invitations en cours d’envoi.
    }
invite-guests-title = Invités
invite-loading-guests = Chargement de la liste des invités…
invite-no-guests = Pas encore d’invités. Ajoutez-les ci-dessous.
invite-guest-table-caption = Liste des invités et de leurs réponses
invite-name = Nom
invite-email = E-mail
invite-col-answer = Réponse
invite-col-actions = Actions
invite-resend-to = Renvoyer l’invitation à { $who }
invite-new-link-for = Envoyer un nouveau lien à { $who }
invite-remove-guest = Retirer { $who }
invite-not-invited-yet = invitation pas encore envoyée
invite-mail-failed = l’e-mail n’a pas pu être remis : vérifiez l’adresse, puis renvoyez l’invitation
invite-note = Note :
invite-note-quoted = « { $note } »
invite-resend = Renvoyer
invite-new-link = Nouveau lien
invite-new-link-consequence = Le lien actuel de { $who } cesse aussitôt de fonctionner ; un nouveau lien est envoyé à { $email }.
invite-new-link-confirm = Oui, envoyer un nouveau lien
invite-remove = Retirer
invite-added =
    { $count ->
        [one] { $count } invité ajouté.
       *[other] { $count } invités ajoutés.
    }
invite-merged =
    { $count ->
        [one] { $count } déjà sur la liste (fusionné).
       *[other] { $count } déjà sur la liste (fusionnés).
    }
invite-rejected-count =
    { $count ->
        [one] { $count } ligne n’a pas pu être lue :
       *[other] { $count } lignes n’ont pas pu être lues :
    }
invite-rejected-line = Ligne { $line } : « { $text } » — { $reason }
invite-more-rejected =
    { $count ->
        [one] …et { $count } autre : vérifiez la liste et collez de nouveau cette ligne.
       *[other] …et { $count } autres : vérifiez la liste et collez de nouveau ces lignes.
    }
invite-send-to-new = Envoyer les invitations aux nouveaux invités
invite-add-one-title = Ajouter un invité
invite-add-one-submit = Ajouter l’invité
invite-paste-title = Coller une liste
invite-paste-label = Invités, un par ligne
invite-paste-hint = Ana Lima <ana@example.com>, ou ana@example.com, ou Ana Lima,ana@example.com ; ou collez la liste telle que votre messagerie la copie : Ana Lima <ana@example.com>; Ben <ben@example.com>
invite-add-many-submit = Ajouter ces invités

## app/src/showcase/mod.rs
showcase-choose-item = Choisissez un article du catalogue à ajouter.
showcase-featured-title = Articles présentés
showcase-featured-hint = Faites glisser un article à sa place, ou utilisez ⤒ En tête, ↑ et ↓ (ils fonctionnent aussi au clavier).
showcase-loading = Chargement…
showcase-featured-count =
    { $count ->
        [one] { $count } article, dans votre ordre : vos invités le verront ainsi.
       *[other] { $count } articles, dans votre ordre : vos invités les verront ainsi.
    }
showcase-present = Présenter sur un téléviseur
showcase-move-up = Monter { $name }
showcase-move-down = Descendre { $name }
showcase-remove-item = Retirer { $name }
showcase-move-to-top = Placer { $name } en tête
showcase-top = ⤒ En tête
showcase-remove = Retirer
showcase-add-label = Ajouter un article du catalogue
showcase-add = Ajouter

## app/src/votes/mod.rs (les votes des invités)
vote-choose-option = Choisissez une option, puis votez.
vote-your-vote = (votre vote)
vote-result-figure = { $share } % · { $votes } voix
vote-have-your-say = Donnez votre avis
vote-thanks = Merci pour votre vote. { $count } voix jusqu’ici :
vote-submit = Voter

## Formulaires
form-fix-field = Corrigez le champ signalé ci-dessous.
form-fix-fields = Corrigez les champs signalés ci-dessous.
mail-hello = Bonjour,
mail-invite-subject = { $host } vous invite : { $title }
mail-invite-body = { $host } vous invite à « { $title } », le { $when }, { $place }.
mail-invite-online = en ligne (le lien de la visio est sur votre page d’invitation)
mail-invite-at-home = à domicile (l’adresse s’affiche dès que vous répondez oui)
mail-invite-answer = Répondez oui, peut-être ou non ici
mail-invite-personal = Ce lien est personnel : c’est grâce à lui que { $host } sait que c’est vous.
mail-invite-ics-description = Répondez et retrouvez tous les détails : { $link }
mail-your-page = Votre page : { $link }
mail-stop-footer = Plus de rappels ni de nouveautés de cette marque : un clic ici les arrête (les invitations et les e-mails de commande arrivent toujours).
mail-reminder-subject = C’est demain : { $title }
mail-reminder-body = Petit rappel : « { $title } » avec { $host } a lieu le { $when }.
mail-reminder-details = Tous les détails, et votre réponse si elle a changé :
mail-reminder-early-subject = Dans 2 jours : { $title }
mail-reminder-video = La visio, à rejoindre à l’heure du début :
mail-nudge-subject = Serez-vous là ? { $title }
mail-nudge-body = { $host } attend votre réponse pour « { $title } », le { $when }.
mail-last-call-subject = Derniers jours pour commander : { $title }
mail-last-call-body = Les commandes de « { $title } » avec { $host } ferment le { $deadline }. Ce que vous commandez compte pour les récompenses de { $host }, même si vous n’avez pas pu venir :
mail-thanks-subject = Merci pour votre venue : { $title }
mail-thanks-body = { $host } vous remercie de votre présence à « { $title } ». Vous pouvez encore commander depuis votre page :
mail-thanks-host-your-own = Vous avez aimé ? Organisez votre propre soirée et gagnez des récompenses :
mail-cancelled-subject = Annulée : { $title }
mail-cancelled-body = { $host } a annulé « { $title } », qui était prévue le { $when }.
mail-cancelled-orders = Une commande passée lors de cette soirée est annulée, et remboursée si vous l’aviez payée (vous recevrez un e-mail pour chacune). Le fichier joint retire la soirée de votre agenda.
mail-moved-subject = Modifiée : { $title }
mail-moved-body = { $host } a modifié « { $title } » : la soirée a maintenant lieu le { $when }, { $place }.
mail-moved-at = au { $address }
mail-moved-calendar = Le fichier joint déplace la soirée dans votre agenda.
mail-promoted-subject = Une place s’est libérée : vous êtes de la soirée { $title }
mail-promoted-body = Une place s’est libérée pour « { $title } » et vous étiez en tête de la liste d’attente : votre oui est confirmé.
mail-promoted-details = Les détails et l’adresse sont sur votre page :

## E-mails de commande
mail-your-order = Votre commande :
mail-transfer-how = Pour payer par virement, envoyez { $amount } à :
    {"  "}{ $holder }
    {"  "}IBAN { $iban }
    {"  "}BIC { $bic }
    avec la référence { $reference } (c’est grâce à elle que la marque retrouve votre commande).
mail-transfer-late-subject = Votre commande { $order } attend son virement
mail-transfer-late = Nous n’avons pas encore reçu le virement de votre commande { $order }. S’il n’arrive pas d’ici le { $deadline }, la commande sera annulée et ses articles remis en vente.
mail-status-subject = Votre commande { $order } : { $status }
mail-status-body = Votre commande { $order } de la soirée « { $party } » est maintenant : { $status }.
mail-status-follow = Suivez-la ici :

## app/src/base/error.rs
error-unauthorized = Connectez-vous pour continuer.
error-forbidden = Votre compte n’a pas accès à cette page.
error-not-found = Nous n’avons pas trouvé cette page.
error-wrong-credentials = Cet e-mail et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.
error-locked-out =
    { $minutes ->
        [one] Trop de tentatives de connexion ont échoué pour cet e-mail. Réessayez dans { $minutes } minute.
       *[other] Trop de tentatives de connexion ont échoué pour cet e-mail. Réessayez dans { $minutes } minutes.
    }
error-too-many-requests =
    { $seconds ->
        [one] Trop de tentatives depuis votre connexion. Patientez { $seconds } seconde et réessayez.
       *[other] Trop de tentatives depuis votre connexion. Patientez { $seconds } secondes et réessayez.
    }
error-too-large = Ce que vous avez envoyé est trop volumineux. Raccourcissez-le et renvoyez-le.
error-timed-out = Cela a pris trop de temps, peut-être à cause d’une connexion lente. Réessayez.
error-busy = Nous sommes très sollicités en ce moment. Réessayez dans quelques secondes.
error-unreadable = Une partie du formulaire n’a pas pu être lue. Vérifiez votre saisie et renvoyez-le.
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
error-transport = La demande n’a pas abouti. Vérifiez votre connexion, rechargez la page et réessayez.
error-choose-rsvp = Choisissez oui, peut-être ou non.
error-choose-answer = Choisissez l’une des réponses.
error-field-required = Ce champ est obligatoire : remplissez-le.

news-consent = Recevoir par e-mail les nouveautés de la marque (je peux les arrêter à tout moment).

## app/src/base/brand.rs
brand-nav-label = Marque
brand-nav-dashboard = Tableau de bord
brand-nav-hosts = Hôtes
brand-nav-catalog = Catalogue
brand-nav-orders = Commandes
brand-nav-kits = Kits
brand-nav-votes = Sondages
brand-nav-bookings = Réservations
brand-nav-webhooks = Webhooks
brand-nav-api-keys = Clés d’API
brand-nav-exports = Exports
brand-nav-privacy = Données personnelles
brand-nav-settings = Réglages

## app/src/pages/home.rs
home-back-to-collection = ← La collection
home-item-how-to-order = Nos articles se commandent lors d’une soirée, sur invitation de l’hôte. Vous connaissez un hôte ? Demandez-lui une invitation, ou { $link }.
home-item-host-yourself = organisez vous-même une soirée
home-no-brand = Aucune marque n’est encore configurée. Lancez { $seed } pour la marque de démonstration, ou { $create }.
home-eyebrow = Des ventes à domicile animées par ses fans
home-become-host = Devenir hôte
home-sign-in = Se connecter en tant qu’hôte ou administrateur de la marque
home-how-title = Comment ça marche
home-step-host-title = Un fan reçoit
home-step-host-text = Nos hôtes organisent une soirée chez eux ou en ligne et invitent leurs amis par e-mail ou par un lien de partage.
home-step-guests-title = Les invités découvrent
home-step-guests-text = Pendant la soirée, les invités ouvrent l’événement sur leur téléphone, parcourent la collection, choisissent leurs favoris et votent.
home-step-orders-title = Les commandes comptent pour l’hôte
home-step-orders-text = Chaque commande passée depuis l’événement est un véritable achat, crédité à l’hôte, avec des récompenses que tout le monde comprend.
home-collection-title = Extraits de la collection
home-catalog-empty = Le catalogue est vide pour le moment.

## app/src/accounts
login-lead = Pour l’équipe de la marque et ses hôtes. Les invités n’ont pas besoin de compte : utilisez le lien de votre invitation.
login-password = Mot de passe
login-signing-in = Connexion…
login-forgot-link = Mot de passe oublié ?
login-suspended = La marque a suspendu ce compte d’hôte. Contactez-la pour le faire rétablir.
login-enter-password = Saisissez votre mot de passe.
account-enter-name = Saisissez le nom de la personne.
account-email-taken = Un compte existe déjà avec cet e-mail.
forgot-page-title = Mot de passe oublié · Soirée
forgot-title = Choisir un nouveau mot de passe
forgot-text = Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe. Il ne fonctionne qu’une fois, pendant une heure.
forgot-submit = M’envoyer un lien
forgot-sent = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe est en route. Il ne fonctionne qu’une fois, pendant une heure ; regardez dans vos indésirables s’il n’est pas arrivé d’ici quelques minutes.
forgot-back = Retour à la connexion
reset-page-title = Nouveau mot de passe · Soirée
reset-title = Choisir un nouveau mot de passe
reset-text = Choisissez un nouveau mot de passe pour votre compte. Une fois enregistré, tous les appareils connectés avec l’ancien sont déconnectés.
reset-submit = Enregistrer mon nouveau mot de passe et me connecter
reset-mail-subject = Choisissez un nouveau mot de passe pour Soirée
reset-mail-body = Quelqu’un, sans doute vous, a demandé à choisir un nouveau mot de passe pour votre compte Soirée. Choisissez-le avec ce lien ; il ne fonctionne qu’une fois, pendant une heure :
reset-mail-not-you = Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.
welcome-page-title = Bienvenue · Soirée
welcome-title = Bienvenue parmi nos hôtes
welcome-text = Choisissez un mot de passe pour votre compte d’hôte. Ce lien ne fonctionne qu’une fois, pendant 48 heures.
welcome-password = Votre nouveau mot de passe
welcome-password-hint = Au moins 8 caractères ; une phrase est plus facile à retenir.
welcome-submit = Enregistrer mon mot de passe et me connecter
welcome-link-expired = Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau avec « Mot de passe oublié ? » sur la page de connexion.

## app/src/hosts
hosts-joined-applied = candidature
hosts-joined-booked = demande lors d’une soirée
hosts-joined-invited = invitation de la marque
hosts-joined-founding = hôte fondateur
hosts-apply-page-title = Devenir hôte · Soirée
hosts-the-brand = la marque
hosts-apply-title = Devenir hôte
hosts-apply-lead = Vous aimez { $brand } ? Organisez des soirées chez vous ou en ligne, faites découvrir la collection à vos amis, et gagnez du crédit et des articles à moitié prix à chaque soirée.
hosts-city = Ville
hosts-city-hint = Là où vous organiseriez vos soirées.
hosts-motivation = Pourquoi vous aimez la marque
hosts-motivation-hint = Une phrase ou deux : la marque lit chaque candidature.
hosts-sending = Envoi…
hosts-send-application = Envoyer ma candidature
hosts-applied = Merci ! Votre candidature est en route vers la marque, et nous vous en avons envoyé une copie par e-mail. Vous aurez bientôt de nos nouvelles.
hosts-page-title = Hôtes · Soirée
hosts-title = Hôtes
hosts-lead = Les fans posent leur candidature sur { $link }. Accepter une candidature envoie au fan un lien pour choisir son mot de passe (valable une seule fois, pendant 48 heures).
hosts-applications-title = Candidatures ({ $count } en attente)
hosts-decided = C’est fait : le fan a été prévenu par e-mail.
hosts-invite-title = Inviter un fan à devenir hôte
hosts-invited = Invitation envoyée : le fan a reçu un lien pour choisir son mot de passe.
hosts-city-optional = Ville (facultatif)
hosts-send-invitation = Envoyer l’invitation
hosts-list-title = Les hôtes de la marque ({ $count })
hosts-col-host = Hôte
hosts-col-joined = Inscription
hosts-col-parties = Soirées
hosts-col-status = Statut
hosts-status-suspended = Suspendu
hosts-status-active = Actif
hosts-no-applications = Aucune candidature pour le moment.
hosts-approve-as-host = Accepter { $name } comme hôte
hosts-decline-who = Refuser { $name }
hosts-application-meta = { $email } · { $city } · candidature du { $date }
hosts-approve = Accepter
hosts-decline = Refuser
hosts-decline-application-consequence = { $name } recevra un e-mail aimable indiquant que la marque ne donne pas suite à sa candidature. C’est définitif, mais cette personne pourra postuler de nouveau.
hosts-yes-decline = Oui, refuser
hosts-approved = Acceptée
hosts-declined = Refusée
hosts-reinstate = Réactiver l’hôte
hosts-suspend = Suspendre l’hôte
hosts-suspended-text = Suspendu : cet hôte ne peut plus programmer de nouvelles soirées. Ses soirées en cours restent visibles pour les invités.
hosts-active-text = Actif : cet hôte peut programmer des soirées.
hosts-suspend-consequence = { $name } ne pourra plus programmer de soirées. Ses soirées en cours restent visibles pour les invités et continuent de recevoir des commandes. Vous pourrez réactiver cet hôte à tout moment.
hosts-yes-suspend = Oui, suspendre
hosts-enter-your-name = Saisissez votre nom.
hosts-your-name-too-long = Votre nom doit faire moins de { $max } caractères.
hosts-enter-your-city = Saisissez votre ville.
hosts-your-city-too-long = Votre ville doit faire moins de { $max } caractères.
hosts-enter-motivation = Dites en quelques mots pourquoi vous aimez la marque.
hosts-motivation-too-long = Votre message sur la marque doit faire moins de { $max } caractères.
hosts-motivation-too-short = Dites-nous-en un peu plus : une phrase ou deux sur ce que vous aimez dans la marque.
hosts-enter-fan-name = Saisissez le nom du fan.
hosts-fan-name-too-long = Le nom du fan doit faire moins de { $max } caractères.
hosts-city-too-long = La ville doit faire moins de { $max } caractères.
hosts-email-has-account = Un compte existe déjà avec cet e-mail : connectez-vous plutôt.
hosts-application-answered = Cette candidature a déjà reçu une réponse.
hosts-mail-application-subject = Votre candidature d’hôte chez { $brand }
hosts-mail-application-thanks = Merci d’avoir proposé d’organiser des soirées { $brand }. L’équipe lit chaque candidature et vous écrira bientôt.
hosts-mail-application-declined = Merci de votre envie d’organiser des soirées { $brand }, et de vos mots chaleureux. Nous ne pouvons pas accueillir de nouveaux hôtes près de chez vous pour le moment, mais nous conservons votre candidature. Les soirées où l’on vous invite vous restent bien sûr ouvertes.

## app/src/bookings
booking-host-your-own-title = Organisez votre propre soirée
booking-asked = Merci ! La marque vous écrira pour créer votre compte d’hôte.
booking-host-your-own-text = Les articles vous ont plu ? Organisez votre propre soirée, gagnez du crédit et des articles à moitié prix, et votre hôte reçoit un bonus lui aussi.
booking-ask = Je souhaite organiser une soirée
booking-page-title = Réservations · Soirée
booking-title = Demandes de réservation
booking-intro = Les invités qui ont demandé à organiser leur propre soirée. Accepter une demande fait de l’invité un hôte : il reçoit un e-mail avec un lien pour choisir son mot de passe (valable 48 heures), et sa première soirée compte comme une réservation pour l’hôte qui l’avait invité.
booking-decided = C’est fait : l’invité a été prévenu par e-mail.
booking-no-requests = Aucune demande pour le moment.
booking-col-guest = Invité
booking-col-from-party = Soirée d’origine
booking-col-asked = Demande
booking-hosted-by = organisée par { $host }
booking-status-waiting = En attente
booking-decline-consequence = { $name } recevra un e-mail aimable indiquant que la marque n’organisera pas de soirée avec cette personne. C’est définitif.
booking-request-answered = Cette demande a déjà reçu une réponse.
booking-mail-subject = Votre demande pour devenir hôte { $brand }
booking-mail-declined = Merci de votre envie d’organiser une soirée { $brand }. Nous ne pouvons pas accueillir de nouveaux hôtes près de chez vous pour le moment, mais nous conservons votre demande. Les soirées où l’on vous invite vous restent bien sûr ouvertes.

## app/src/insights/
insights-percent = { $value } %
insights-change-none = stable
insights-change-new = nouveau
insights-change-points = { $change } pts
insights-change-percent = { $change } %
insights-parties-held = Soirées organisées
insights-guests-invited = Invités conviés
insights-yes-rate = Taux de oui
insights-buying-guests = Invités acheteurs
insights-paid-orders = Commandes payées
insights-revenue-paid = Chiffre d’affaires (payé)
insights-average-order = Panier moyen
insights-reward-share = Coût des récompenses / chiffre d’affaires
insights-bookings-generated = Réservations obtenues
insights-new-hosts = Nouveaux hôtes
insights-revenue = Chiffre d’affaires
insights-parties = Soirées
insights-conversion = Conversion
insights-bookings = Réservations
insights-invited = Invités
insights-answered = Ont répondu
insights-said-yes = Ont dit oui
insights-invited-and-bought = Invités ayant acheté
insights-period-range = { $from } – { $to }
insights-error-date = Saisissez une date au format 2026-09-01.
insights-error-swapped = Le dernier jour précède le premier : inversez-les.
insights-error-too-long = Choisissez au plus { $days } jours.
insights-error-period = Choisissez ce mois-ci, les 3 derniers mois ou vos propres dates.
insights-period = Période
insights-period-month = Ce mois-ci
insights-period-quarter = Les 3 derniers mois
insights-period-custom = Dates personnalisées
insights-period-from = Du
insights-period-to = Au
insights-show = Afficher
insights-period-compared = { $period } · comparé à { $previous }
insights-period-compared-fallback = { $period } · comparé à { $previous } (affichage du mois en cours)
insights-key-figures = Chiffres clés
insights-kpi-was = (avant : { $value })
insights-funnel-note-all-invited = L’entonnoir suit les invités ayant reçu une invitation ; ici, tous les invités acheteurs en avaient reçu une.
insights-funnel-note-share-links =
    { $count ->
        [one] L’entonnoir suit les invités ayant reçu une invitation. « Invités acheteurs » compte aussi { $count } acheteur venu par un lien de partage.
       *[other] L’entonnoir suit les invités ayant reçu une invitation. « Invités acheteurs » compte aussi { $count } acheteurs venus par un lien de partage.
    }
insights-dashboard-page-title = Tableau de bord de la marque · Soirée
insights-dashboard-lead = Les résultats de vos hôtes : les soirées organisées sur la période et toutes les commandes payées qu’elles ont générées.
insights-dashboard-empty = Aucune soirée n’a encore eu lieu sur cette période. Choisissez une période plus longue, ou revenez quand vos hôtes auront organisé leurs soirées.
insights-revenue-by-week = Chiffre d’affaires par semaine
insights-funnel-title = De l’invitation à l’achat
insights-leaderboard-title = Classement des hôtes
insights-leaderboard-empty = Aucun hôte n’a organisé de soirée sur cette période.
insights-host = Hôte
insights-events-empty = Aucune soirée organisée sur cette période.
insights-party = Soirée
insights-date = Date
insights-yes = Oui
insights-buyers = Acheteurs
insights-orders = Commandes
insights-reward = Récompense
insights-totals-label = Totaux de la période
insights-rsvp-none = Pas de réponse
insights-bought-yes = Oui
insights-bought-no = Non
insights-report-page-title = Bilan de la soirée · Soirée
insights-report-hosted-by = Organisée par { $host }
insights-report-when-cancelled = { $when } · annulée
insights-report-when-not-held = { $when } · pas encore eu lieu
insights-report-figures = Les chiffres de la soirée
insights-report-refunded =
    { $count ->
        [one] Remboursée : { $count } commande, { $amount } au total, non comptée dans les ventes ci-dessus.
       *[other] Remboursées : { $count } commandes, { $amount } au total, non comptées dans les ventes ci-dessus.
    }
insights-report-refunded-held =
    { $count ->
        [one] Remboursée : { $count } commande, { $amount } au total, non comptée dans les ventes ci-dessus ; une récompense déjà créditée reste acquise à l’hôte.
       *[other] Remboursées : { $count } commandes, { $amount } au total, non comptées dans les ventes ci-dessus ; une récompense déjà créditée reste acquise à l’hôte.
    }
insights-report-guests = Invités
insights-report-no-guests = Aucun invité n’a été convié.
insights-report-guest = Invité
insights-report-answer = Réponse
insights-report-plus-ones = Accompagnants
insights-report-bought = A acheté
insights-report-note-to-you = Mot pour vous
insights-report-items-title = Articles : vendus et désirés
insights-report-items-hint = Les favoris et les votes montrent ce que les invités voulaient, qu’ils aient acheté ou non : la fenêtre de la marque sur ce qu’aiment ses fans.
insights-report-item = Article
insights-report-units-sold = Unités vendues
insights-report-favourites = Favoris
insights-report-votes = Votes
insights-axis-money = { $amount } { $unit }
insights-axis-thousands = { $amount } k{ $unit }
insights-chart-week = Semaine du { $week } : { $amount }
insights-chart-revenue-title = Chiffre d’affaires par semaine, { $total } au total
insights-chart-as-table = Chiffre d’affaires par semaine, sous forme de tableau
insights-chart-week-of = Semaine du
insights-chart-step = { $step } : { $count } ({ $share })
insights-chart-step-column = Étape
insights-chart-people = Personnes
insights-chart-of-invited = Part des invités

## app/src/exports/
export-orders = Commandes
export-order-lines = Lignes de commande
export-events = Soirées
export-hosts = Hôtes
export-orders-about = Toutes les commandes passées sur la période, quel que soit leur statut, avec leur soirée, leur hôte et leurs montants.
export-order-lines-about = Les articles de ces commandes : une ligne par article commandé, au prix du moment de la commande.
export-events-about = Les soirées organisées sur la période, avec les chiffres du tableau de bord pour chacune.
export-hosts-about = Tous les hôtes, avec leurs chiffres pour les soirées organisées sur la période.
export-page-title = Exports · Soirée
export-title = Exports
export-lead = Des fichiers CSV avec une ligne d’en-tête, les dates au format ISO 8601 (UTC) et les montants en centimes comme en unités de votre devise, que la colonne currency nomme. Pour vos outils de BI, il existe aussi une { $api }.
export-lead-api = API en lecture seule
export-download = Télécharger { $file }
export-progress-of =
    { $total ->
        [one] { $rows } ligne sur { $total }…
       *[other] { $rows } lignes sur { $total }…
    }
export-progress =
    { $rows ->
        [one] { $rows } ligne…
       *[other] { $rows } lignes…
    }
export-done =
    { $rows ->
        [one] Terminé : { $rows } ligne téléchargée.
       *[other] Terminé : { $rows } lignes téléchargées.
    }
export-failed = L’export s’est interrompu ({ $reason }). Réessayez, ou choisissez une période plus courte.
export-not-found = Cet export n’existe pas.
export-sign-in = Connectez-vous en tant qu’administrateur de la marque pour exporter.
export-admins-only = Seuls les administrateurs de la marque peuvent exporter.
export-could-not-start = L’export n’a pas pu démarrer.
mail-invite-answer-here = Répondez oui, peut-être ou non ici :

## app/src/public_api/
apikey-error-name = Nommez la clé d’après l’outil qui l’utilisera, par exemple « Metabase ».
apikey-error-name-long = Le nom doit faire moins de { $max } caractères.
apikey-copy = Copier la clé
apikey-copied = Copiée.
apikey-copy-refused = Votre navigateur n’a pas autorisé la copie : sélectionnez la clé et copiez-la.
apikey-page-title = Clés d’API · Soirée
apikey-title = Clés d’API
apikey-lead = Un accès en lecture seule à vos hôtes, vos soirées, vos commandes et aux résultats de vos hôtes pour vos outils de BI, à l’adresse { $path }. Le { $document } décrit chaque point d’accès. Envoyez une clé sous la forme { $header }.
apikey-lead-document = document OpenAPI
apikey-new-key = Votre nouvelle clé. Copiez-la maintenant : elle ne s’affiche que cette fois-ci.
apikey-create-title = Créer une clé
apikey-name = Nom
apikey-name-hint = Nommez-la d’après l’outil qui l’utilisera, par exemple « Metabase ».
apikey-create = Créer la clé
apikey-keys-title = Clés
apikey-none = Aucune clé pour l’instant.
apikey-key = Clé
apikey-created = Créée le
apikey-last-used = Dernière utilisation
apikey-status = Statut
apikey-revoke-label = Révoquer la clé { $name }
apikey-never = jamais
apikey-revoked = Révoquée le { $when }
apikey-revoke = Révoquer

## app/src/events (the party form, statuses, cancelling, validation)
event-status-upcoming = À venir
event-status-open = Commandes ouvertes
event-status-closed = Terminée
event-status-cancelled = Annulée
event-cancel-nobody-told = Aucun invité n’a encore reçu d’invitation, personne ne sera donc prévenu
event-cancel-guests-told =
    { $count ->
        [one] { $count } invité sera prévenu par e-mail
       *[other] { $count } invités seront prévenus par e-mail
    }
event-cancel-orders-cancelled =
    { $count ->
        [one] { $count } commande non payée sera annulée
       *[other] { $count } commandes non payées seront annulées
    }
event-cancel-paid-orders =
    { $count ->
        [one] { $count } commande payée sera annulée et remboursée
       *[other] { $count } commandes payées seront annulées et remboursées
    }
event-cancel-join = {"\u00A0; "}
event-cancel-impact = { $consequences }. Cette action est irréversible.
event-reminders = Rappels aux invités
event-reminders-hint = Les invités qui viennent reçoivent un rappel, et ceux qui n’ont pas répondu une invitation à répondre.
event-reminders-day = 24 heures avant
event-reminders-early = 2 jours avant
event-reminders-both = 2 jours et 24 heures avant
event-reminders-none = Aucun rappel
event-error-reminders = Choisissez quand les invités reçoivent un rappel.
event-suspended = Votre compte d’hôte est suspendu : vous ne pouvez pas organiser de nouvelle soirée. Vos soirées en cours restent inchangées ; écrivez à la marque pour en savoir plus.
event-title-label = Titre
event-description-label = Description (facultative)
event-time-zone = Fuseau horaire
event-starts = Début
event-ends = Fin
event-kind-home = À domicile (adresse)
event-kind-online = En ligne (lien de visio)
event-address-label = Adresse (communiquée uniquement aux invités qui répondent oui)
event-video-link = Lien de visio
event-video-hint = Pour une soirée en ligne, p. ex. https://meet.example/soiree
event-capacity-label = Capacité (invités)
event-orders-close-label = Fin des commandes (facultatif)
event-orders-close-hint = Laissez vide pour garder les commandes ouvertes 5 jours après la soirée.
event-error-kit = Choisissez l’un des kits de la marque, ou aucun kit.
event-error-kit-gone = Ce kit n’existe plus : choisissez-en un autre.
event-error-language = Choisissez Français ou English.
event-error-title = Donnez un titre à la soirée.
event-error-title-long = Le titre doit faire moins de { $max } caractères.
event-error-description-long = La description doit faire moins de { $max } caractères.
event-error-start-past = Le début est dans le passé. Choisissez une date et une heure à venir.
event-error-end-before-start = La fin doit venir après le début.
event-error-deadline-before-end = Les commandes doivent rester ouvertes au moins jusqu’à la fin de la soirée.
event-error-address = Indiquez l’adresse où les invités doivent venir.
event-error-video-link = Indiquez le lien de visio, qui commence par https://, p. ex. https://meet.example/soiree.
event-error-kind = Choisissez à domicile ou en ligne.
event-error-capacity = Indiquez le nombre d’invités sous forme de nombre entier, p. ex. 12.
event-error-capacity-low = La capacité doit être d’au moins 1 invité.
event-error-capacity-high = La capacité ne peut pas dépasser { $max } invités.
event-error-time-zone = Choisissez un fuseau horaire dans la liste, p. ex. Europe/Paris.
event-error-start-missing = Indiquez la date et l’heure de début.
event-error-end-missing = Indiquez la date et l’heure de fin.
event-error-deadline-missing = Indiquez la date et l’heure de fin des commandes.
event-error-start-unreadable = Indiquez le début sous forme de date et d’heure, p. ex. 05/12/2026 19:00.
event-error-end-unreadable = Indiquez la fin sous forme de date et d’heure, p. ex. 05/12/2026 22:00.
event-error-deadline-unreadable = Indiquez la fin des commandes sous forme de date et d’heure, p. ex. 10/12/2026 19:00.
event-error-time-skipped = L’heure { $time } n’existe pas dans le fuseau { $zone } : c’est le moment du changement d’heure. Choisissez une autre heure.

## app/src/events/digest.rs (the host's digest)
digest-title = Des nouvelles de vos soirées
digest-on = Vous recevez un e-mail quand vos invités répondent, vous laissent un mot ou commandent : un au plus par heure.
digest-off = Le récapitulatif est désactivé : vous retrouvez les réponses, les mots et les commandes sur la page de chaque soirée.
digest-turn-off = Désactiver le récapitulatif
digest-turn-on = Recevoir un récapitulatif par e-mail
digest-subject-answers =
    { $answers ->
        [one] { $answers } nouvelle réponse à vos soirées
       *[other] { $answers } nouvelles réponses à vos soirées
    }
digest-subject-orders =
    { $orders ->
        [one] { $orders } nouvelle commande à vos soirées
       *[other] { $orders } nouvelles commandes à vos soirées
    }
digest-subject-both =
    { $answers ->
        [one] { $answers } nouvelle réponse
       *[other] { $answers } nouvelles réponses
    } et { $orders ->
        [one] { $orders } commande
       *[other] { $orders } commandes
    } à vos soirées
digest-hello-there = Bonjour,
digest-since = Des nouvelles de vos soirées depuis le { $since } :
digest-answer =
    { $rsvp ->
        [yes] { $who } vient
        [maybe] { $who } viendra peut-être
        [no] { $who } ne peut pas venir
        [waiting] { $who } est sur liste d’attente
       *[other] { $who } n’a pas encore répondu
    }
digest-wrote = , et a écrit : « { $note } »
digest-order = { $name } a commandé pour { $amount }
digest-see-party = Voir la soirée : { $link }
digest-footer = Vous recevez cet e-mail au plus une fois par heure. Pour ne plus le recevoir, utilisez « Désactiver le récapitulatif » sur votre tableau de bord : { $link }

## app/src/pages/host_home.rs
host-page-title = Vos soirées · Soirée
host-eyebrow = Hôte { $brand }
host-hello = Bonjour { $name } !
host-schedule = Organiser une soirée
host-your-results = Vos résultats
host-no-parties = Pas encore de soirée
host-no-parties-text = Organisez votre première soirée : choisissez une date, puis invitez vos invités par e-mail ou avec un lien de partage, et suivez leurs réponses.
host-rsvp-counts =
    { $invited ->
        [one] { $invited } invité
       *[other] { $invited } invités
    } · { $yes } oui · { $maybe } peut-être · { $no } non · { $pending } sans réponse
host-credit-to-spend =
    { $items ->
        [0] de crédit à utiliser.
        [one] de crédit à utiliser et { $items } article à moitié prix.
       *[other] de crédit à utiliser et { $items } articles à moitié prix.
    }
host-spend-credit = Utiliser votre crédit
host-rewards-empty = Les commandes payées de vos soirées comptent pour vos récompenses d’hôte : la page de chaque soirée indique où vous en êtes de la prochaine. Le crédit que vous gagnez s’affiche ici.

## app/src/pages/host_event.rs
host-event-page-title = Votre soirée · Soirée
host-jump-items = Articles
host-share-link = Votre lien « commander à ma soirée »
host-on-this-page = Sur cette page
host-party-report = Bilan de la soirée
host-address = Adresse
host-capacity = Capacité
host-capacity-guests =
    { $count ->
        [one] { $count } invité
       *[other] { $count } invités
    }
host-orders-close = Fin des commandes
host-edit = Modifier
host-cancel-party = Annuler la soirée
host-cancel-confirm = Oui, annuler la soirée
host-share-on = Envoyez-le par le canal de votre choix : toute personne qui l’a peut commander à votre soirée, chaque commande comptant pour vous, ou s’inscrire comme invitée. Il ne montre pas votre adresse.
host-share-qr = QR code du lien de partage
host-share-off = Le lien de partage est désactivé : seuls les invités que vous invitez peuvent répondre.
host-share-turn-off = Désactiver le lien de partage
host-share-turn-on = Activer le lien de partage
host-back = Retour à vos soirées

## app/src/pages/event_forms.rs
event-schedule-page-title = Organiser une soirée · Soirée
event-scheduling = Création en cours…
event-schedule-submit = Organiser la soirée
event-kit = Partir d’un kit
event-kit-hint = Les articles du kit deviennent les articles présentés de la soirée ; vous pourrez en ajouter ou en retirer ensuite.
event-no-kit = Aucun kit : je choisirai les articles moi-même
event-kit-option =
    { $count ->
        [one] { $name } ({ $count } article)
       *[other] { $name } ({ $count } articles)
    }
event-edit-page-title = Modifier la soirée · Soirée
event-edit-title = Modifier « { $title } »
event-save = Enregistrer les modifications

## app/src/pages/presentation.rs
present-page-title = Présentation · Soirée
present-heading = Présentation de « { $title } »
present-hide-sales = Masquer les chiffres de vente
present-show-sales = Afficher les chiffres de vente
present-hide-reward = Masquer ma progression vers la récompense
present-show-reward = Afficher ma progression vers la récompense
present-leave = Quitter
present-full-screen = Plein écran
present-empty-title = Aucun article à présenter pour l’instant
present-empty-text = Ajoutez d’abord des articles à la soirée.
present-slide-label = { $n } sur { $total }
present-order-from-phone = Commandez depuis votre téléphone
present-qr = QR code de la page de la soirée
present-scan = Scannez pour voir les articles et commander
present-slides = Diapositives
present-previous = ← Précédent
present-next = Suivant →
present-guests-here =
    { $count ->
        [one] { $figure } invité présent
       *[other] { $figure } invités présents
    }
present-coming =
    { $count ->
        [one] { $figure } attendu
       *[other] { $figure } attendus
    }
present-orders =
    { $count ->
        [one] { $figure } commande
       *[other] { $figure } commandes
    }
present-sales = { $figure } de ventes

## app/src/rewards (the host's rewards, the brand's reward rules)
reward-rewards = Récompenses
reward-your-rewards = Vos récompenses
reward-loading = Chargement de vos récompenses…
reward-final = Récompense finale : palier { $tier }, { $reward }
reward-closed-none = La soirée s’est terminée sans récompense
reward-to-next =
    { $items ->
        [one] Plus que { $amount } pour atteindre la prochaine récompense : { $percent } % de crédit et { $items } article à moitié prix
       *[other] Plus que { $amount } pour atteindre la prochaine récompense : { $percent } % de crédit et { $items } articles à moitié prix
    }
reward-top = Récompense maximale atteinte
reward-no-tiers = Aucun palier de récompense défini
reward-words =
    { $items ->
        [0] { $credit } de crédit
        [one] { $credit } de crédit et { $items } article à moitié prix
       *[other] { $credit } de crédit et { $items } articles à moitié prix
    }
reward-bar-label = Ventes retenues pour la prochaine récompense
reward-bar-text = { $sales } sur { $target }
reward-sales = { $figure } de ventes retenues
reward-buyers =
    { $count ->
        [one] { $figure } invité acheteur · { $needed } requis
       *[other] { $figure } invités acheteurs · { $needed } requis
    }
reward-tier =
    { $items ->
        [0] Palier { $tier } : { $credit } de crédit
        [one] Palier { $tier } : { $credit } de crédit, { $items } article à moitié prix
       *[other] Palier { $tier } : { $credit } de crédit, { $items } articles à moitié prix
    }
reward-no-tier = Aucun palier pour l’instant
reward-guests-missing =
    { $needed ->
        [one] Une récompense demande { $needed } invité acheteur : encore { $missing } à trouver.
       *[other] Une récompense demande { $needed } invités acheteurs : encore { $missing } à trouver.
    }
reward-awaiting = { $amount } de commandes attendent leur paiement : elles compteront une fois payées.
reward-credited = Crédité : { $reward }.
reward-none-this-time = Pas de récompense cette fois-ci.
reward-see-credit = Voir et utiliser votre crédit
reward-orders-close = Les commandes ferment le { $deadline }. La soirée se clôture alors d’elle-même ; vous recevrez un e-mail 2 jours avant.
reward-close-early = Les commandes s’arrêtent maintenant au lieu du { $deadline } : les invités perdent { $left } pour commander, et leurs pages indiquent que la soirée est terminée.
reward-close-now = Les commandes s’arrêtent maintenant.
reward-close-credit = Votre récompense est créditée dès maintenant d’après les commandes payées : { $reward }. Cette action est irréversible.
reward-no-reward-yet = pas encore de récompense
reward-close-label = Clôturer la soirée maintenant
reward-close-confirm = Oui, clôturer la soirée
reward-closed-by-host = Clôturée le { $date } (par l’hôte).
reward-closed-at-deadline = Clôturée le { $date } (automatiquement à la fin des commandes).
reward-closed-other = Clôturée le { $date } ({ $by }).
reward-span-none = moins d’une minute
reward-span-days =
    { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
reward-span-hours =
    { $count ->
        [one] { $count } heure
       *[other] { $count } heures
    }
reward-span-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
reward-error-not-started = La soirée n’a pas encore commencé : clôturez-la une fois qu’elle a eu lieu.
reward-error-cancelled = Cette soirée est annulée : il n’y a rien à clôturer.
reward-rules-title = Récompenses des hôtes
reward-rules-saved = Règles de récompense enregistrées.
reward-rules-hint = Un hôte atteint un palier grâce aux commandes payées d’une soirée (articles seuls, hors livraison). Laissez une ligne vide pour la supprimer.
reward-col-tier = Palier
reward-col-from = À partir de ({ $unit } de ventes)
reward-col-credit = Crédit (%)
reward-tier-from = Palier { $tier } : à partir de ({ $unit } de ventes)
reward-tier-credit = Palier { $tier } : crédit (%)
reward-tier-items = Palier { $tier } : articles à moitié prix
reward-min-buyers = Invités acheteurs requis (en plus de l’hôte)
reward-booking-items = Articles à moitié prix par réservation
reward-booking-days = Délai en jours pour tenir une soirée réservée
reward-rules-save = Enregistrer les règles de récompense
reward-error-expired = Ce formulaire a expiré : rechargez la page.
reward-error-choose-items = Choisissez des articles dans la liste.
reward-error-quantity = Une quantité de 0 à 20.
reward-error-no-item = Choisissez au moins un article pour votre commande.
reward-error-address = Indiquez l’adresse où envoyer votre commande : rue, code postal et ville.
reward-error-row-threshold = Ligne { $row } : indiquez le seuil de ventes en { $currency }, p. ex. 150.
reward-error-row-rising = Ligne { $row } : chaque seuil doit être supérieur à celui de la ligne du dessus.
reward-error-row-credit = Ligne { $row } : le crédit est un pourcentage de 0 à 50.
reward-error-row-items = Ligne { $row }, articles à moitié prix : un nombre entier de { $min } à { $max }.
reward-error-no-tier = Indiquez au moins un palier de récompense.
reward-error-min-buyers = Invités acheteurs requis : un nombre entier de { $min } à { $max }.
reward-error-booking-items = Articles à moitié prix par réservation : un nombre entier de { $min } à { $max }.
reward-error-booking-days = Délai en jours pour tenir une soirée réservée : un nombre entier de { $min } à { $max }.

## app/src/rewards/ssr.rs (the host's reward emails)
reward-mail-closed-subject = « { $party } » est terminée : votre récompense
reward-mail-closed =
    { $buyers ->
        [one] « { $party } » est terminée. Ventes retenues : { $sales } grâce à { $buyers } invité acheteur.
       *[other] « { $party } » est terminée. Ventes retenues : { $sales } grâce à { $buyers } invités acheteurs.
    }
reward-mail-earned =
    { $items ->
        [one] Votre récompense : { $credit } de crédit et { $items } article à moitié prix, à utiliser dès maintenant :
       *[other] Votre récompense : { $credit } de crédit et { $items } articles à moitié prix, à utiliser dès maintenant :
    }
reward-mail-too-few =
    { $needed ->
        [one] Une récompense demande { $needed } invité acheteur et cette soirée en a eu { $buyers } : elle ne rapporte donc pas de récompense cette fois-ci.
       *[other] Une récompense demande { $needed } invités acheteurs et cette soirée en a eu { $buyers } : elle ne rapporte donc pas de récompense cette fois-ci.
    }
reward-mail-below = Ces ventes n’atteignent pas le premier palier de récompense : la soirée ne rapporte donc pas de récompense cette fois-ci.
reward-mail-warn-subject = Les commandes de « { $party } » ferment dans 2 jours
reward-mail-warn = Les commandes de « { $party } » ferment le { $deadline }. La soirée sera alors clôturée et votre récompense calculée.
reward-mail-warn-sales =
    { $buyers ->
        [one] Ventes retenues à ce jour : { $sales } grâce à { $buyers } invité acheteur ({ $needed } requis).
       *[other] Ventes retenues à ce jour : { $sales } grâce à { $buyers } invités acheteurs ({ $needed } requis).
    }
reward-mail-warn-next = Encore { $amount } et vous atteignez la prochaine récompense.
reward-mail-awaiting = { $amount } de commandes attendent leur paiement : elles compteront une fois payées.
reward-mail-warn-remind = Relancez vos invités, ou clôturez vous-même la soirée :
reward-mail-booking-subject = Une réservation issue de votre soirée vous rapporte un article à moitié prix
reward-mail-booking =
    { $items ->
        [one] { $host }, qui avait réservé une soirée lors de « { $origin } », a tenu « { $party } ». Vous gagnez { $items } article à moitié prix de plus :
       *[other] { $host }, qui avait réservé une soirée lors de « { $origin } », a tenu « { $party } ». Vous gagnez { $items } articles à moitié prix de plus :
    }

## app/src/rewards/redeem.rs (the credit page, the reward order)
credit-page-title = Votre crédit · Soirée
credit-title = Votre crédit
credit-balance = Solde
credit-balance-items =
    { $count ->
        [one] de crédit, et { $figure } article à moitié prix à utiliser.
       *[other] de crédit, et { $figure } articles à moitié prix à utiliser.
    }
credit-history = Historique
credit-history-empty = Rien pour l’instant : vos récompenses arrivent ici à la clôture d’une soirée.
credit-col-date = Date
credit-col-what = Opération
credit-col-credit = Crédit
credit-col-items = Articles à moitié prix
credit-ledger-reward = Récompense de « { $party } » : { $note }
credit-ledger-booking = Bonus de réservation : { $note }
credit-ledger-restored = Restitué : votre commande n° { $order } a été annulée
credit-ledger-spent = Utilisé pour votre commande n° { $order }
credit-note-tier = Palier { $tier } atteint
credit-note-buyers =
    { $count ->
        [one] { $count } invité acheteur sur les { $needed } requis
       *[other] { $count } invités acheteurs sur les { $needed } requis
    }
credit-note-below = Sous le premier palier
credit-note-held = { $host } a tenu « { $party } »
credit-redeem-title = Commander avec votre récompense
credit-redeem-hint = La moitié prix s’applique à vos articles les plus chers ; votre crédit paie le reste, dans la limite de son montant.
credit-find = Trouver un article
credit-find-placeholder = Nom ou référence
credit-one-less = Un de moins : { $name }
credit-one-more = Un de plus : { $name }
credit-no-match = Aucun article ne correspond à « { $search } ».
credit-send-to = Adresse de livraison
credit-address-hint = Rue, code postal et ville.
credit-total-later = La moitié prix et votre crédit sont déduits quand vous passez la commande : sa page indique ce qu’il reste à payer.
credit-total-items = Articles
credit-half-price = Moitié prix
credit-half-price-amount =
    { $count ->
        [one] −{ $amount } ({ $count } article)
       *[other] −{ $amount } ({ $count } articles)
    }
credit-left-to-pay = Reste à payer
credit-placing = Commande en cours…
credit-place = Passer ma commande récompense
credit-error-nothing = Vous n’avez pas encore de crédit ni d’article à moitié prix à utiliser : ils arrivent à la clôture d’une soirée.
credit-error-no-longer-sold = Un article que vous avez choisi n’est plus en vente : rechargez la page.
credit-error-no-party = Vous n’avez pas encore de soirée.
credit-error-short = Stock insuffisant pour { $name } : réduisez la quantité.
credit-mail-subject = Votre commande récompense n° { $order }
credit-mail-placed =
    { $count ->
        [one] Votre commande récompense n° { $order } est passée : articles { $items }, dont { $count } article à moitié prix ; crédit d’hôte utilisé { $credit } ; reste à payer { $total }.
       *[other] Votre commande récompense n° { $order } est passée : articles { $items }, dont { $count } articles à moitié prix ; crédit d’hôte utilisé { $credit } ; reste à payer { $total }.
    }
credit-mail-pay-by-card = Payez-la par carte sur la page de la commande dans les { $minutes } minutes ; sinon, elle est annulée et votre crédit vous est restitué.

## app/src/pages/host_report.rs
report-host-page-title = Hôte · Soirée
report-hosts = Hôtes
report-host-lead = { $email } · { $city } · membre depuis le { $joined } ({ $how })
report-no-city = ville non renseignée
report-funnel-title = De l’invitation à l’achat
report-parties = Soirées
report-earned-spent =
    { $items ->
        [one] Gagné { $earned } · utilisé { $spent } · solde { $balance } et { $items } article à moitié prix.
       *[other] Gagné { $earned } · utilisé { $spent } · solde { $balance } et { $items } articles à moitié prix.
    }
report-no-reward = Pas encore de récompense.
report-my-page-title = Vos résultats · Soirée
report-rank-top-10 = Parmi les { $hosts } hôtes de la marque qui ont tenu des soirées sur cette période, vous êtes dans les 10 % les meilleurs.
report-rank-top-25 = Parmi les { $hosts } hôtes de la marque qui ont tenu des soirées sur cette période, vous êtes dans les 25 % les meilleurs.
report-rank-top-half = Parmi les { $hosts } hôtes de la marque qui ont tenu des soirées sur cette période, vous êtes dans la meilleure moitié.
report-rank-growing =
    { $hosts ->
        [one] Vous êtes le seul hôte de la marque à avoir tenu des soirées sur cette période.
       *[other] Parmi les { $hosts } hôtes de la marque qui ont tenu des soirées sur cette période, vous êtes dans la moitié en progression.
    }
report-rank-none = Tenez une soirée sur cette période pour voir où vous vous situez parmi les hôtes de la marque.
report-my-rewards =
    { $items ->
        [one] Au total, { $earned } gagnés et { $spent } utilisés. À utiliser : { $balance } et { $items } article à moitié prix.
       *[other] Au total, { $earned } gagnés et { $spent } utilisés. À utiliser : { $balance } et { $items } articles à moitié prix.
    }
report-use-credit = Utiliser votre crédit
report-my-parties = Vos soirées sur cette période

## app/src/invitations/domain.rs (a pasted guest line that cannot be read)
paste-error-close-angle = Fermez l’adresse par > comme dans Ana Lima <ana@example.com>.
paste-error-name-long = Le nom doit faire moins de { $max } caractères.
paste-error-name-control = Le nom contient des caractères qui ne peuvent pas être affichés.

## app/src/catalog/
catalog-error-sku-empty = Donnez une référence (SKU) à l’article, par exemple CAN-FIG-220.
catalog-error-sku-long = La référence doit faire moins de { $max } caractères.
catalog-error-sku-character = Une référence ne contient que des lettres, des chiffres, - _ et . ; retirez « { $character } ».
catalog-error-vat = Indiquez le taux de TVA en pourcentage, par exemple 20 ou 5,5.
catalog-error-vat-max = Un taux de TVA ne dépasse pas 100 %.
catalog-error-stock-number = Indiquez le stock en nombre entier, par exemple 12.
catalog-error-stock-negative = Le stock ne peut pas être négatif.
catalog-error-stock-max = Le stock ne dépasse pas { $max }.
catalog-error-recycled-number = Indiquez la part de matières recyclées en nombre entier, par exemple 12.
catalog-error-recycled-negative = La part de matières recyclées ne peut pas être négative.
catalog-error-recycled-max = La part de matières recyclées ne dépasse pas { $max }.
catalog-error-name = Donnez un nom à l’article.
catalog-error-name-long = Le nom doit faire moins de { $max } caractères.
catalog-error-category = Donnez une catégorie à l’article, par exemple Bougies.
catalog-error-category-long = La catégorie doit faire moins de { $max } caractères.
catalog-error-description-long = La description doit faire moins de { $max } caractères.
catalog-error-country-long = Le pays de fabrication doit faire moins de { $max } caractères.
catalog-error-care-long = Les conseils d’entretien doivent faire moins de { $max } caractères.
catalog-error-story-long = Le texte sur la fabrication doit faire moins de { $max } caractères.
catalog-error-composition-part = Écrivez « { $part } » sous la forme d’un pourcentage et d’une matière, par exemple 60 % coton biologique.
catalog-error-composition-percent = Chaque part est comprise entre 1 % et 100 % ; vérifiez « { $part } ».
catalog-error-composition-total = La composition totalise { $total } % : la somme des parts doit faire 100 %.
catalog-error-sku-taken = Un autre article utilise déjà la référence { $sku } : donnez à celui-ci sa propre référence.
catalog-error-upload = L’envoi n’est pas arrivé complet : envoyez au plus 6 photos de 8 Mo maximum chacune.
catalog-photo-too-large = « { $name } » pèse { $size } Mo : une photo ne peut pas dépasser 8 Mo. Exportez-la en plus petit et réessayez.
catalog-photo-too-many-pixels = « { $name } » mesure { $width } × { $height } pixels ({ $megapixels } mégapixels) : une photo ne peut pas dépasser 40 mégapixels. Exportez-la en plus petit et réessayez.
catalog-photo-format = « { $name } » n’est pas une photo JPEG, PNG ou WebP. Choisissez une photo dans l’un de ces formats.
catalog-photo-unreadable = « { $name } » n’a pas pu être lue comme une image : le fichier est peut-être endommagé. Choisissez une autre photo.
catalog-photo-too-many = Ajoutez au plus { $max } photos à la fois ; vous en avez choisi { $count }.
catalog-page-title = Catalogue · Soirée
catalog-title = Catalogue
catalog-new-item = Nouvel article
catalog-search = Rechercher par nom ou référence
catalog-category = Catégorie
catalog-all-categories = Toutes les catégories
catalog-archived-items = Articles archivés
catalog-show = Afficher
catalog-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
catalog-count-paged =
    { $count ->
        [one] { $count } article · page { $page } sur { $pages }
       *[other] { $count } articles · page { $page } sur { $pages }
    }
catalog-empty = Aucun article ne correspond. Modifiez la recherche ou la catégorie.
catalog-photo = Photo
catalog-item = Article
catalog-sku = Référence (SKU)
catalog-price = Prix
catalog-stock = Stock
catalog-status = Statut
catalog-status-archived = Archivé
catalog-status-active = Actif
catalog-status-inactive = Inactif
catalog-pages = Pages
catalog-previous = ← Précédent
catalog-next = Suivant →
catalog-item-page-title = Article · Soirée
catalog-edit-item = Modifier { $name }
catalog-back = ← Catalogue
catalog-archived-notice = Cet article est archivé : il n’apparaît plus dans la liste du catalogue, ni dans les kits et les soirées à venir.
catalog-the-item = L’article
catalog-sku-hint = Des lettres, des chiffres et des tirets, unique dans votre catalogue.
catalog-name = Nom
catalog-category-hint = par exemple Bougies, Linge de maison
catalog-description = Description
catalog-price-label = Prix en { $currency }, TVA incluse
catalog-vat-rate = Taux de TVA (%)
catalog-active-label = Actif : les hôtes peuvent le mettre en avant et les invités le commander
catalog-photos = Photos
catalog-photos-already =
    { $count ->
        [one] { $count } photo déjà ; les nouvelles s’ajoutent à la suite.
       *[other] { $count } photos déjà ; les nouvelles s’ajoutent à la suite.
    }
catalog-add-photos = Ajouter des photos
catalog-photos-hint = JPEG, PNG ou WebP, 8 Mo maximum chacune, 6 au plus à la fois. Elles sont redimensionnées pour les téléphones et les écrans.
catalog-label-legend = Étiquette de transparence (facultative)
catalog-label-hint = Affichée aux invités sur la fiche de l’article. Laissez vide ce que vous ne savez pas.
catalog-composition-hint = Des pourcentages dont la somme fait 100, par exemple 60 % coton biologique, 40 % polyester recyclé
catalog-country = Fabriqué en (pays)
catalog-recycled = Matières recyclées (%)
catalog-care = Conseils d’entretien
catalog-saving = Enregistrement… (redimensionnement des photos en cours)
catalog-create = Créer l’article
catalog-save = Enregistrer les modifications
catalog-no-photo = Pas encore de photo : les invités voient une image par défaut.
catalog-photo-alt = Photo { $number }
catalog-remove-photo = Retirer la photo { $number }
catalog-label-preview = Aperçu de l’étiquette
catalog-as-guests-see = Tel que les invités le voient
catalog-bring-back = Rétablir
catalog-archive = Archiver
catalog-bring-item-back = Rétablir l’article
catalog-archive-item = Archiver l’article

## app/src/catalog/kits.rs
kit-error-name = Donnez un nom au kit, par exemple Kit d’automne.
kit-error-name-long = Le nom doit faire moins de { $max } caractères.
kit-error-description-long = La description doit faire moins de { $max } caractères.
kit-error-no-items = Choisissez au moins un article pour le kit.
kit-error-foreign-items = Choisissez des articles de votre catalogue.
kit-error-name-taken = Vous avez déjà un kit nommé « { $name } » : choisissez un autre nom.
kit-list-page-title = Kits · Soirée
kit-list-title = Kits
kit-list-lead = Les sélections que vous proposez aux hôtes. Un hôte lance sa soirée à partir d’un kit, puis ajoute ou retire des articles.
kit-new = Nouveau kit
kit-list-empty = Pas encore de kit : créez-en un à partir de votre catalogue.
kit-items-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
kit-page-title = Kit · Soirée
kit-back = ← Kits
kit-edit = Modifier { $name }
kit-name = Nom
kit-description = Son contenu, pour les hôtes
kit-items = Articles
kit-save = Enregistrer le kit

## app/src/orders/admin.rs
admin-order-error-status = Choisissez le nouveau statut de la commande.
admin-order-error-bulk-status = Choisissez { $paid } ou { $preparation }.
admin-order-error-bulk-ids = Cochez d’abord les commandes à modifier.
admin-order-error-date = Saisissez la date au format AAAA-MM-JJ.
admin-order-cannot-become = Une commande au statut « { $from } » ne peut pas passer au statut « { $to } ».
admin-order-changed-meanwhile = Cette commande a été modifiée entre-temps : rechargez la page et vérifiez son statut.
admin-order-party-choice = { $title } · { $date } · { $host }
admin-order-list-page-title = Commandes · Soirée
admin-order-list-title = Commandes
admin-order-search = Nom ou e-mail du client, ou référence de paiement
admin-order-status = Statut
admin-order-all-statuses = Tous les statuts
admin-order-party = Soirée
admin-order-all-parties = Toutes les soirées
admin-order-host = Hôte
admin-order-all-hosts = Tous les hôtes
admin-order-count =
    { $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    }
admin-order-bulk-moved =
    { $count ->
        [one] { $count } commande passée au statut « { $status } ».
       *[other] { $count } commandes passées au statut « { $status } ».
    }
admin-order-bulk-refused = La commande n° { $id } est restée inchangée : { $reason }
admin-order-bulk-more-refused =
    { $count ->
        [one] …et { $count } autre est restée inchangée.
       *[other] …et { $count } autres sont restées inchangées.
    }
admin-order-bulk-label = Passer les commandes cochées au statut
admin-order-apply = Appliquer
admin-order-tick = Cocher
admin-order-order = Commande
admin-order-placed = Passée le
admin-order-customer = Client
admin-order-total-column = Total
admin-order-tick-label = Cocher la commande n° { $id } de { $name }
admin-order-page-title = Commande · Soirée
admin-order-back = ← Commandes
admin-order-eyebrow = { $party } · hôte : { $host }
admin-order-title = Commande n° { $id } · { $name }
admin-order-to-host = chez l’hôte
admin-order-total = Total : { $amount }
admin-order-change-status = Modifier le statut
admin-order-new-status = Nouveau statut
admin-order-carrier = Transporteur (pour une expédition)
admin-order-tracking-number = Numéro de suivi (pour une expédition)
admin-order-save-status = Enregistrer le statut

## app/src/pages/settings.rs, app/src/brand/
settings-page-title = Réglages · Soirée
settings-title = Réglages
settings-shipping-title = Livraison et back-office
settings-saved = Réglages enregistrés.
settings-shipping-flat = Livraison à l’adresse de l’invité ({ $unit })
settings-free-from = Offerte à partir de ({ $unit } d’articles)
settings-webhook-url = Adresse de webhook de votre back-office (facultative)
settings-webhook-url-hint = Les événements des commandes (passée, payée, changement de statut) sont envoyés à cette adresse, signés avec le secret du webhook.
settings-save = Enregistrer les réglages
settings-bank-title = Virement bancaire
settings-bank-hint = Les invités qui paient par virement voient ce compte, le montant et la référence de paiement de leur commande sur la page de la commande et dans son e-mail. Laissez les trois champs vides pour ne plus proposer ce moyen de paiement.
settings-bank-saved = Coordonnées bancaires enregistrées.
settings-iban = IBAN
settings-bic = BIC
settings-save-bank = Enregistrer les coordonnées bancaires
settings-secrets-title = Secrets
settings-payment-webhook-set = Webhook du service de paiement : { $address } (secret défini)
settings-payment-webhook-unset = Webhook du service de paiement : { $address } (pas encore de secret : les paiements ne peuvent pas être signalés)
settings-webhook-secret-set = Secret du webhook sortant défini.
settings-webhook-secret-unset = Pas encore de secret pour le webhook sortant.
settings-new-secret = Votre nouveau secret, affiché uniquement maintenant : { $secret }
settings-new-payment-secret = Nouveau secret du service de paiement
settings-new-webhook-secret = Nouveau secret du webhook sortant
settings-not-set = non renseignée
settings-payments-title = Paiements
settings-payments-saved = Réglages de paiement enregistrés.
settings-ways-to-pay = Moyens de paiement proposés à la commande
settings-pay-card = Par carte bancaire, sur la page de la commande (Stripe)
settings-pay-transfer = Par virement bancaire, sur le compte ci-dessus
settings-transfer-days = Nombre de jours d’attente d’un virement avant l’annulation de sa commande
settings-transfer-days-hint = L’acheteur reçoit un rappel au bout de 3 jours ; à l’échéance, les articles sont remis en vente.
settings-stripe-title = Votre compte Stripe
settings-stripe-keys = Enregistrées : clé secrète { $secret }, clé publiable { $publishable }, secret de signature des webhooks { $webhook }. Une clé enregistrée n’est plus jamais affichée : n’en saisissez une que pour la remplacer.
settings-stripe-secret-key = Clé secrète (sk_…)
settings-stripe-publishable-key = Clé publiable (pk_…)
settings-stripe-webhook-secret = Secret de signature des webhooks (whsec_…)
settings-stripe-events = Dans Stripe, envoyez les événements payment_intent.succeeded et payment_intent.payment_failed à { $address }
settings-save-payments = Enregistrer les réglages de paiement
settings-error-language = Choisissez Français ou English.
settings-error-currency = Choisissez l’euro, la livre sterling ou le franc suisse.
settings-error-currency-locked = Votre marque a déjà des commandes en { $currency } : sa devise ne peut plus changer.
settings-currency = Devise
settings-currency-hint = Les prix, la livraison, les récompenses et les paiements sont dans cette devise. Elle peut changer jusqu’à la première commande.
settings-currency-locked = Votre marque a des commandes : les prix restent en { $currency }.
settings-error-account-holder = Indiquez le nom du titulaire du compte tel que la banque l’affiche ({ $max } caractères au plus).
settings-retention = Oublier les invités qui n’ont jamais répondu
settings-retention-hint = Leur nom et leur adresse sont effacés ce délai après leur soirée (12 mois au plus).
settings-retention-months =
    { $months ->
        [one] après { $months } mois
       *[other] après { $months } mois
    }
settings-error-retention = Choisissez entre 1 et 12 mois.
settings-error-webhook-url = Indiquez l’adresse complète de votre back-office, par exemple https://shop.example/soiree-hooks.
settings-error-webhook-private = Cette adresse mène à un réseau privé ou à ce serveur lui-même. Indiquez l’adresse publique de votre back-office.
settings-error-secret-key = Ce n’est pas une clé secrète Stripe : elle commence par sk_ ou rk_ (copiez-la depuis le tableau de bord Stripe, rubrique Développeurs).
settings-error-publishable-key = Ce n’est pas une clé publiable Stripe : elle commence par pk_ (copiez-la depuis le tableau de bord Stripe, rubrique Développeurs).
settings-error-webhook-secret = Ce n’est pas un secret de signature des webhooks Stripe : il commence par whsec_ (copiez-le depuis le tableau de bord Stripe, rubrique Développeurs).
settings-error-secret-key-missing = Le paiement par carte nécessite la clé secrète de votre compte Stripe.
settings-error-publishable-key-missing = Le paiement par carte nécessite la clé publiable de votre compte Stripe.
settings-error-webhook-secret-missing = Le paiement par carte nécessite le secret de signature des webhooks de votre compte Stripe.
settings-error-key-modes = La clé secrète et la clé publiable proviennent de modes différents (test et production) : utilisez deux clés du même mode.
settings-error-no-method = Proposez au moins un moyen de paiement.
settings-error-transfer-days = Indiquez le nombre de jours d’attente d’un virement, un nombre entier de { $min } à { $max }.
settings-error-transfer-needs-bank = Le virement bancaire nécessite le compte sur lequel les invités paient : enregistrez-le d’abord dans « { $section } ».
settings-secret-not-set = non renseigné

## app/src/webhooks/
webhook-page-title = Webhooks · Soirée
webhook-title = Envois de webhooks
webhook-settings-link = Adresse et secret
webhook-no-address = Aucune adresse de webhook n’est définie : les événements des commandes ne sont pas envoyés. Définissez-en une dans les Réglages.
webhook-target = Les événements des commandes sont envoyés à { $url }.
webhook-target-no-secret = Les événements des commandes sont envoyés à { $url } (pas encore de secret : ils attendent que vous en créiez un).
webhook-none = Rien n’a encore été envoyé.
webhook-queued = Mis en file
webhook-event = Événement
webhook-order = Commande
webhook-status = Statut
webhook-attempts = Tentatives
webhook-response = Réponse
webhook-actions = Actions
webhook-waiting = En attente, prochain essai le { $next }
webhook-delivered = Livré
webhook-failed = Échec
webhook-send-again = Renvoyer
webhook-not-tried = pas encore tenté

## app/src/events/ssr.rs (an unpaid order of a cancelled party, in its buyer’s mail)
event-cancel-order-reason = La soirée a été annulée : cette commande non payée est donc annulée elle aussi.
event-cancel-refund-reason = La soirée a été annulée : cette commande payée est donc annulée et remboursée.

## app/src/votes/ (the brand's polls)
poll-error-question = Posez une question, par exemple : Quelle couleur devrions-nous proposer ensuite ?
poll-error-question-long = La question doit faire moins de { $max } caractères.
poll-error-items = Choisissez des articles de votre catalogue.
poll-error-option-long = L’option { $number } doit faire moins de { $max } caractères.
poll-error-option-twice = « { $label } » apparaît deux fois : chaque option doit être différente.
poll-error-options-count = Proposez entre { $min } et { $max } options ; il y en a { $count }.
poll-error-cancelled = Cette soirée est annulée : le sondage est clos.
poll-error-closed = Ce sondage est clos.
poll-error-already-voted = Vous avez déjà voté à ce sondage : un seul vote par invité.
poll-list-page-title = Sondages · Soirée
poll-list-title = Sondages
poll-list-lead = Interrogez les invités de chaque soirée : quelle couleur, quel parfum, quelle pièce pour la suite ? Ils votent depuis leur téléphone, une fois chacun.
poll-list-empty = Pas encore de sondage.
poll-open = Ouvert
poll-closed = Clos
poll-votes-count =
    { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
poll-new-title = Lancer un sondage
poll-question = Question
poll-question-hint = par exemple : Quelle couleur devrions-nous proposer ensuite ?
poll-options-legend = Options (de { $min } à { $max })
poll-options-hint = Saisissez une option, ou choisissez un article (son nom est repris si vous ne saisissez rien). Laissez vides les lignes inutiles.
poll-option = Option { $number }
poll-option-item = Article de l’option { $number }
poll-no-item = Aucun article
poll-create = Lancer le sondage
poll-results-page-title = Résultats du sondage · Soirée
poll-back = ← Sondages
poll-open-vote = Sondage ouvert
poll-closed-vote = Sondage clos
poll-total =
    { $count ->
        [one] { $count } vote au total
       *[other] { $count } votes au total
    }
poll-close = Clore le sondage
poll-reopen = Rouvrir le sondage
poll-per-party = Par soirée
poll-no-votes = Pas encore de votes.
poll-party = Soirée
poll-host = Hôte
poll-votes = Votes

# --- issue 15, the brand's words in several languages ---
content-language-name = { $language ->
        [fr] français
       *[en] anglais
    }
content-translation-legend = En { $language }
content-translation-hint = Qui lit en { $language } voit ces textes ; là où l’un est vide, il voit les vôtres.
content-missing = Manque en { $language } : { $fields }.
catalog-untranslated = Pas encore en { $language }
poll-translation-title = Traduction
poll-translation-save = Enregistrer la traduction
poll-translation-saved = Traduction enregistrée.
content-field-in = { $field } en { $language }

# --- issue 15, remaining strings ---
account-error-email-empty = Saisissez votre adresse e-mail.
account-error-email-shape = Saisissez une adresse e-mail de la forme nom@exemple.fr.
account-error-password-short = Le mot de passe doit compter au moins { $min } caractères.
account-error-password-long = Le mot de passe doit compter au plus { $max } caractères.
account-error-password-common = Ce mot de passe fait partie des plus courants et se devine facilement. Choisissez-en un autre.
price-error-empty = Indiquez le prix en { $currency }, par exemple 32,50.
price-error-shape = Saisissez le prix en { $currency } avec au plus deux décimales, par exemple 32,50.
price-error-negative = Un prix ne peut pas être négatif.
price-error-too-high = Ce prix dépasse { $limit } : vérifiez le nombre de zéros.
currency-name-eur = euros
currency-name-gbp = livres sterling
currency-name-chf = francs suisses
currency-option-eur = Euro (€)
currency-option-gbp = Livre sterling (£)
currency-option-chf = Franc suisse (CHF)
bank-error-iban-shape = Saisissez l’IBAN du compte, par exemple FR76 3000 6000 0112 3456 7890 189.
bank-error-iban-check = Cet IBAN contient une faute de frappe : sa clé de contrôle ne correspond pas. Copiez-le de nouveau depuis votre banque.
bank-error-bic = Saisissez le BIC de la banque : 8 ou 11 lettres et chiffres, par exemple BNPAFRPP.
admin-order-error-carrier = Indiquez le transporteur, par exemple Colissimo.
admin-order-error-tracking-number = Indiquez le numéro de suivi du colis.
cart-error-quantity = Choisissez une quantité d’au moins 1.
cart-error-sold-out = { $name } : épuisé.
cart-error-only-left = { $name } : il n’en reste que { $count }, choisissez-en { $count } au plus.
cart-error-max = Au plus { $max } exemplaires d’un même article par commande.
cart-error-closed = Les commandes de cette soirée sont closes : la date limite est passée ou l’hôte a clos la soirée.
cart-error-empty = Votre panier est vide : ajoutez d’abord un article.
cart-error-not-offered = La marque n’accepte pas ce moyen de paiement : choisissez-en un autre.
cart-error-just-sold-out = { $name } vient d’être épuisé : retirez cet article de votre panier pour commander le reste.
cart-error-short = { $name } : il n’en reste que { $count }, ramenez la quantité à { $count } au plus.
gate-loading = Chargement…
gate-refused-title = Page indisponible
confirm-are-you-sure = Confirmez-vous ?
onboard-error-has-account = { $email } a déjà un compte.
welcome-mail-subject = { $brand } : bienvenue parmi nos hôtes
welcome-mail-invited = { $brand } vous invite à devenir l’un de ses hôtes.
welcome-mail-approved = Bonne nouvelle : vous faites désormais partie des hôtes { $brand }.
welcome-mail-set-password = Choisissez votre mot de passe ici pour programmer votre première soirée :
welcome-mail-link-once = Ce lien ne fonctionne qu’une fois, pendant 48 heures.
webhook-error-no-address = Aucune adresse de webhook n’est définie.
webhook-error-no-secret = Pas encore de secret de webhook : créez-en un dans les Réglages.
order-note-parcel = { $carrier }, numéro de suivi { $number }
order-note-card-refused = Carte refusée : { $reason }
order-note-card-failed = Échec du paiement par carte : { $reason }
order-note-card-not-accepted = la carte n’a pas été acceptée
order-note-pays-by-transfer = L’acheteur paiera par virement bancaire au lieu de payer par carte.
order-note-pays-at-delivery = L’acheteur paiera à la livraison au lieu de payer par carte.
order-note-refunded-after-cancel = Payée après l’annulation de la commande : le paiement a été remboursé sur la carte.
order-note-card-expired = Non payée par carte à temps, ou soirée annulée : les articles ont été remis en vente.
order-note-transfer-expired =
    { $days ->
        [one] Aucun virement n’est arrivé sous { $days } jour : les articles ont été remis en vente.
       *[other] Aucun virement n’est arrivé sous { $days } jours : les articles ont été remis en vente.
    }
pay-error-amount-mismatch = Le paiement ne correspond pas au total de la commande.
pay-error-refund-no-stripe = Stripe n’est pas configuré : la carte ne peut pas être remboursée.
pay-error-not-refunded = { $why } : rien n’a été remboursé et la commande reste telle quelle. Réessayez dans un instant.
pay-stripe-unreachable = Stripe n’a pas répondu
party-error-cancelled = Cette soirée est annulée et ne peut plus être modifiée.
party-error-closed = Cette soirée est close et ne peut plus être modifiée.
guest-error-answered-stays = Cet invité a déjà répondu et reste sur la liste.
guest-error-name-needed = Saisissez votre nom pour que l’hôte sache qui vient.
guest-error-cancelled = Cette soirée est annulée.
guest-error-started = La soirée a commencé : les réponses sont closes.
guest-error-companions = Indiquez entre 0 et 3 accompagnants.
guest-error-note-long = Limitez votre mot à { $max } caractères.
order-line-half-price =
    { $count ->
        [one] dont { $count } à moitié prix
       *[other] dont { $count } à moitié prix
    }

## app/src/privacy
notice-page-title = Confidentialité · Soirée
notice-title = Confidentialité chez { $brand }
notice-kept-title = Ce qui est conservé
notice-kept = Pour les soirées de { $brand } : le nom et l’adresse e-mail de chaque invité qu’un hôte invite ou qui s’inscrit par un lien de partage ; sa réponse, ses accompagnants et sa note pour l’hôte ; ses favoris et ses votes ; ses commandes avec l’adresse de livraison ; et s’il souhaite recevoir les nouveautés de la marque, avec quand et où il l’a dit.
notice-why-title = Pourquoi
notice-why = Pour organiser les soirées où les invités sont conviés, livrer et comptabiliser leurs commandes, et envoyer les nouveautés demandées : rien d’autre, et rien n’est vendu ni transmis.
notice-how-long-title = Combien de temps
notice-how-long =
    { $months ->
        [one] Les invités qui n’ont jamais répondu sont oubliés { $months } mois après leur soirée. Les réponses et les commandes sont conservées pour les comptes de la marque jusqu’à ce que l’invité demande leur effacement ; les commandes restent alors, sans son nom.
       *[other] Les invités qui n’ont jamais répondu sont oubliés { $months } mois après leur soirée. Les réponses et les commandes sont conservées pour les comptes de la marque jusqu’à ce que l’invité demande leur effacement ; les commandes restent alors, sans son nom.
    }
notice-rights-title = Ce que vous pouvez faire
notice-rights = Depuis la page de votre invitation, ou avec le formulaire ci-dessous, téléchargez tout ce que { $brand } détient sur vous, ou effacez-le. Chaque rappel contient un lien qui arrête d’un coup rappels et nouveautés. Les invitations et les e-mails sur vos commandes arrivent toujours.
notice-unknown = Nous n’avons pas trouvé cette marque.
privacy-page-title = Données personnelles · Soirée
privacy-title = Données personnelles
privacy-intro = Une personne demande ce que vous détenez sur elle, ou à être oubliée : téléchargez tout ce qui concerne son adresse e-mail, ou effacez-le. L’effacement garde ses commandes dans vos comptes sans son nom, et les chiffres des hôtes ne changent pas. Chaque action est inscrite au journal ci-dessous, qui désigne la personne par un code, jamais par son adresse.
privacy-export-title = Télécharger les données d’une personne
privacy-export-submit = Télécharger ses données (JSON)
privacy-erase-title = Effacer les données d’une personne
privacy-erase-confirm = Je confirme : le nom, l’adresse, les notes, favoris et votes de cette personne sont effacés pour de bon.
privacy-erase-submit = Effacer ses données
privacy-erased =
    { $invitations ->
        [one] Effacé : { $invitations } invitation et { $orders } commandes rendues anonymes.
       *[other] Effacé : { $invitations } invitations et { $orders } commandes rendues anonymes.
    }
privacy-log-title = Journal
privacy-log-empty = Aucun téléchargement ni effacement pour l’instant.
privacy-log-when = Quand
privacy-log-action = Quoi
privacy-log-by = Par
privacy-log-person = Personne (code)
privacy-log-export = Téléchargement
privacy-log-erase = Effacement
privacy-log-by-guest = la personne, depuis son lien
erase-your-data = Vos données
erase-your-data-text = La marque conserve votre nom, votre adresse e-mail, vos réponses, notes, favoris, votes et commandes pour ses soirées. Téléchargez-les toutes, ou effacez-les : vos commandes restent alors dans les comptes de la marque, sans votre nom.
erase-download = Télécharger mes données (JSON)
erase-confirm = J’ai compris : mon nom, mon adresse, mes notes, favoris et votes sont effacés pour de bon, et ce lien ne fonctionnera plus.
erase-confirm-needed = Cochez la case pour confirmer l’effacement.
erase-submit = Effacer mes données
erased-page-title = Données effacées · Soirée
erased-title = Vos données sont effacées
erased-text = Votre nom, votre adresse e-mail, vos notes, favoris, votes et choix d’e-mails ont disparu des soirées de cette marque. Vos commandes restent dans ses comptes, sans votre nom.
stop-page-title = E-mails de la marque · Soirée
stop-title = E-mails de { $brand }
stop-text = Arrêter les rappels, remerciements et nouveautés que { $brand } envoie à { $email }, pour toutes les soirées. Les invitations et les e-mails sur vos commandes arrivent toujours.
stop-submit = Arrêter ces e-mails
stop-done = C’est fait : { $brand } n’envoie plus de rappels, de remerciements ni de nouveautés à { $email }. Les invitations et les e-mails sur vos commandes arrivent toujours.
stop-done-short = C’est fait : { $brand } ne vous envoie plus de rappels, de remerciements ni de nouveautés.
stop-unknown = Ce lien n’est pas valide. Copiez le lien complet depuis l’e-mail et réessayez.

## Demander ses données sans lien
ask-title = Plus de lien sous la main ?
ask-text = Indiquez votre adresse e-mail : si { $brand } détient des données à son sujet, nous lui envoyons un lien, valable une heure, pour les télécharger ou les effacer.
ask-submit = M’envoyer le lien
ask-sent = Si la marque détient des données sur cette adresse, un lien est en route vers elle. Il fonctionne pendant une heure.
asked-mail-subject = Vos données chez { $brand }
asked-mail-body = Quelqu’un, sans doute vous, a demandé à voir ou à effacer ce que { $brand } détient sur cette adresse dans Soirée. Ce lien le montre, pendant une heure :
asked-mail-not-you = Si vous n’avez rien demandé, ignorez cet e-mail : rien ne change.
asked-title = Vos données chez { $brand }
asked-text = Ce que la marque détient sur { $email } : téléchargez-le ou effacez-le.
asked-unknown = Ce lien ne fonctionne plus
asked-unknown-text = Un lien de données fonctionne une heure, et plus après un effacement. Demandez-en un nouveau depuis la page de confidentialité de la marque.

## Les nouvelles de la marque
brand-nav-news = Nouvelles
news-page-title = Nouvelles · Soirée
news-title = Des nouvelles pour vos fans
news-audience = { $count ->
    [0] Personne n’a encore demandé vos nouvelles : la question est posée, non cochée, quand on répond à une invitation, qu’on rejoint par un lien de partage ou qu’on commande.
    [one] Une personne a demandé vos nouvelles et ne les a pas arrêtées.
   *[other] { $count } personnes ont demandé vos nouvelles et ne les ont pas arrêtées.
}
news-queued = { $count ->
    [0] Personne à qui l’envoyer : rien n’est parti.
    [one] Vos nouvelles sont en route vers une personne.
   *[other] Vos nouvelles sont en route vers { $count } personnes.
}
news-subject = Objet
news-text = Message
news-text-hint = Texte simple ; une ligne vide commence un paragraphe. Chaque e-mail se termine par la raison de son envoi et un lien qui arrête vos nouvelles.
news-send = Envoyer à tous ceux qui l’ont demandé
news-sending = Envoi…
news-history = Déjà envoyées
news-none-yet = Aucune nouvelle envoyée pour l’instant.
news-when = Quand
news-delivery = Remis
news-sent-of = { $sent } sur { $recipients }
news-subject-needed = Écrivez un objet.
news-subject-too-long = L’objet tient sur une ligne de { $max } caractères au plus.
news-text-needed = Écrivez un message.
news-text-too-long = Le message fait { $max } caractères au plus.
news-reload = Ce formulaire n’est plus à jour : rechargez la page et envoyez à nouveau.
news-mail-why = Vous recevez les nouvelles de { $brand } parce que vous les avez demandées lors d’une de ses soirées.

## Connexion en deux étapes
brand-nav-two-step = Connexion en deux étapes
two-step-page-title = Connexion en deux étapes · Soirée
two-step-title = Connexion en deux étapes
two-step-off-text = Après votre mot de passe, Soirée peut demander un code à 6 chiffres d’une application d’authentification sur votre téléphone (Google Authenticator, Aegis, 1Password…) : qui apprendrait votre mot de passe ne pourrait toujours pas se connecter à votre place.
two-step-start = La mettre en place
two-step-scan = Scannez ce code avec votre application d’authentification, puis tapez les 6 chiffres qu’elle affiche.
two-step-qr = Code QR à scanner avec une application d’authentification
two-step-secret = Ou tapez cette clé dans l’application :
two-step-turn-on = Activer la connexion en deux étapes
two-step-recovery-text = La connexion en deux étapes est activée. Gardez ces codes de secours en lieu sûr, loin de votre téléphone : chacun vous connecte une fois si le téléphone est perdu. Ils ne s’affichent que maintenant.
two-step-on-text = { $left ->
    [one] La connexion en deux étapes est activée. Il reste un code de secours.
   *[other] La connexion en deux étapes est activée. Il reste { $left } codes de secours.
}
two-step-turn-off = Désactiver la connexion en deux étapes
two-step-code-page-title = Votre code · Soirée
two-step-code-title = Votre code
two-step-code-text = Votre mot de passe est bon. Tapez maintenant le code à 6 chiffres affiché par votre application d’authentification.
two-step-code = Code
two-step-code-hint = Les 6 chiffres de votre application, ou l’un de vos codes de secours.
two-step-code-submit = Se connecter
two-step-start-again = Recommencer
two-step-wrong-code = Ce code n’est pas le bon : tapez les 6 chiffres que votre application affiche maintenant, ou un code de secours inutilisé.
two-step-expired = Cette connexion a expiré : reconnectez-vous avec votre mot de passe.
two-step-already-on = La connexion en deux étapes est déjà activée.

## Un nouveau mot de passe, une fois connecté
nav-password = Mot de passe
password-page-title = Votre mot de passe · Soirée
password-title = Votre mot de passe
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-new-hint = Au moins 8 caractères, pas un mot de passe courant.
password-submit = Changer mon mot de passe
password-changed = Votre mot de passe est changé. Vos autres sessions sont déconnectées ; celle-ci reste.
password-current-needed = Tapez votre mot de passe actuel.
password-current-wrong = Ce n’est pas votre mot de passe actuel.

## app/src/orders/pick_list.rs (the host's pick list)
host-pick-list = Liste de préparation
pick-page-title = Liste de préparation
pick-title = Liste de préparation : { $title }
pick-lead = { $when }. { $orders ->
        [one] { $orders } commande livrée
       *[other] { $orders } commandes livrées
    } chez vous, { $units ->
        [one] { $units } article
       *[other] { $units } articles
    } en tout.
pick-print = Imprimer
pick-csv = Télécharger en CSV
pick-empty = Aucune commande n’est encore livrée chez vous : les commandes livrées au domicile des invités ne figurent pas sur cette liste.
pick-totals = En tout
pick-per-guest = Par invité
pick-order-number = commande { $id }
pick-paid-yes = payée
pick-paid-no = non payée
pick-csv-guest = Invité
pick-csv-order = Commande
pick-csv-paid = Payée
pick-csv-sku = Référence
pick-csv-item = Article
pick-csv-quantity = Quantité
pick-csv-all-guests = Tous les invités

## app/src/invitations/messages.rs (the host writes to the guests)
message-title = Écrire à vos invités
message-audience = À
message-to-all = Tous les invités qui n’ont pas dit non
message-to-yes = Ceux qui ont dit oui
message-to-pending = Ceux qui n’ont pas répondu
message-subject = Objet
message-text = Message
message-text-hint = Vos invités peuvent vous répondre par e-mail : les réponses arrivent à votre adresse.
message-send = Envoyer le message
message-queued =
    { $count ->
        [0] Personne à qui écrire dans ce groupe.
        [one] Votre message part vers { $count } invité.
       *[other] Votre message part vers { $count } invités.
    }
message-history = Envoyés
message-sent-line = { $when } · « { $subject } » · { $audience } · { $count ->
        [one] { $count } invité
       *[other] { $count } invités
    }
message-error-audience = Choisissez qui reçoit le message.
message-error-subject = Écrivez un objet.
message-error-subject-long = L’objet doit faire au plus { $max } caractères, sur une ligne.
message-error-text = Écrivez le message.
message-error-text-long = Le message doit faire au plus { $max } caractères.
message-error-cancelled = Cette soirée est annulée : ses invités ont été prévenus.
message-mail-signed = { $host }
message-mail-party = Votre page pour « { $title } » :

# A guest changes their order (orders::change)
order-change-title = Modifier votre commande
order-change-hint = Tant que votre commande n’est pas payée et que la soirée prend des commandes, vous pouvez changer une quantité, retirer un article ou annuler la commande.
order-change-hint-paid = Tant que la marque n’a pas commencé à la préparer, vous pouvez baisser une quantité, retirer un article ou annuler la commande : le trop-payé est remboursé sur votre carte.
order-cancel-mine = Annuler ma commande
order-change-closed = Cette commande ne peut plus être modifiée : elle est en préparation, ou la soirée ne prend plus de commandes.
order-change-meanwhile = Cette commande a changé entre-temps : vérifiez-la ci-dessous et réessayez.
order-change-quantity = Choisissez une quantité de 0 à { $most }.
order-change-short = Plus que { $left } en stock : choisissez une quantité plus petite.
order-change-payment-away = Le service de paiement par carte n’a pas répondu : réessayez dans une minute.
order-note-cancelled-by-buyer = Annulée par l’acheteur.
order-note-line-changed = { $name } : { $from } → { $to }.
mail-order-changed-subject = Votre commande { $order } a été modifiée
mail-order-changed-body = Votre commande { $order } de la soirée « { $party } » a été modifiée. Son total est maintenant de { $total }.

# The host orders for a friend (orders::for_friend)
friend-order-title = Commander pour une amie
friend-order-intro = Une amie qui ne peut pas venir peut quand même acheter : choisissez ses articles, elle reçoit un e-mail avec le lien pour payer. La commande compte pour votre soirée.
friend-order-placed = Commande passée : votre amie reçoit un e-mail avec le lien pour payer.
friend-order-see = Voir la commande
friend-order-name = Nom de votre amie
friend-order-email = E-mail de votre amie
friend-order-items = Articles
friend-order-delivery = Livraison
friend-order-to-me = Chez moi, avec la livraison de la soirée (gratuite)
friend-order-to-friend = À l’adresse de mon amie
friend-order-address = Adresse de votre amie (pour une livraison chez elle)
friend-order-submit = Passer la commande et prévenir mon amie
friend-order-error-no-item = Choisissez au moins un article.
mail-order-for-friend-subject = { $host } a commandé pour vous à la soirée { $party }
mail-order-for-friend = { $host } a passé cette commande pour vous lors de la soirée « { $party } ».
mail-order-pay-by-card-before-deadline = Payez-la par carte sur la page de la commande avant la date limite des commandes de la soirée :

# Co-hosts (events::cohosts)
reward-cohost-share = Part du crédit d’une soirée pour les co-hôtes (%)
reward-cohost-share-hint = Partagée à parts égales entre les co-hôtes d’une soirée à sa clôture ; l’hôte garde le reste et les articles à moitié prix. 0 laisse tout à l’hôte.
reward-error-cohost-share = Part des co-hôtes : un nombre entier de { $min } à { $max }.
credit-ledger-cohost-share = Votre part de co-hôte de la soirée « { $party } »
cohost-title = Co-hôtes
cohost-with = Vous co-animez cette soirée avec { $host } : vous pouvez gérer les invités, leur écrire, choisir les articles et présenter. { $host } la modifie et la clôt.
cohost-none = Pas encore de co-hôte.
cohost-intro = Un co-hôte vous aide à animer la soirée : invités, invitations, messages, articles et présentation. Vous seule la modifiez, l’annulez et la clôturez. Ajoutez une autre hôtesse de la marque, ou toute personne par e-mail : elle reçoit un compte et un lien pour choisir son mot de passe.
cohost-added = { $name } co-anime maintenant votre soirée et a reçu un e-mail.
cohost-name = Nom du co-hôte (pour une personne nouvelle dans la marque)
cohost-email = E-mail du co-hôte
cohost-add = Ajouter le co-hôte
cohost-remove = Retirer { $name }
cohost-error-name = Donnez le nom du co-hôte (120 caractères au plus) : il est nouveau dans la marque.
cohost-error-self = Vous animez déjà cette soirée : ajoutez quelqu’un d’autre.
cohost-error-other = Cet e-mail appartient à un compte qui ne peut pas co-animer (une administratrice de marque, ou une autre marque) : utilisez une autre adresse.
cohost-mail-subject = { $host } vous propose de co-animer { $party }
cohost-mail-body = { $host } vous a ajoutée comme co-hôte de « { $party } » : vous pouvez gérer les invités, leur écrire, choisir les articles et présenter.
cohost-mail-link = La page de la soirée :

# The fair drawing (draws)
brand-nav-draws = Tirages
draw-rule-yes = invités qui ont répondu oui
draw-rule-bought = invités qui ont acheté
draw-error-nobody = Personne ne peut encore gagner : aucun invité ne remplit la règle de la marque pour ce lot.
draw-error-prize-out = Le lot est en rupture de stock : demandez à la marque de le réapprovisionner, puis lancez le tirage.
draw-order-note = Gagné au tirage au sort de la soirée.
draw-mail-subject = Vous avez gagné le tirage de { $party } !
draw-mail-body = Vous avez gagné le tirage au sort de la soirée « { $party } » : { $prize }. Il arrive avec les commandes de la soirée, chez l’hôtesse.
draw-period = soirées du { $from } au { $to }
draw-error-scope = Choisissez une soirée, ou donnez le premier et le dernier jour de la période (le premier pas après le dernier).
draw-error-item = Choisissez le lot.
draw-error-rule = Choisissez qui peut gagner.
draw-check-title = Comment vérifier le tirage
draw-check-text = Avant la soirée, cette page montrait l’engagement : le SHA-256 de la graine ci-dessous, qui ne pouvait donc plus changer. Le gagnant est l’invité éligible à la position n modulo leur nombre (en comptant depuis 0, identifiants croissants), où n est les 8 premiers octets, lus comme un nombre big-endian, du SHA-256 de la graine, de deux-points et des identifiants séparés par des virgules.
draw-commitment = Engagement (SHA-256 de la graine)
draw-seed = Graine
draw-eligible = Identifiants des invités éligibles
draw-title = Tirage au sort
draw-prize = À gagner : { $prize }, parmi les { $rule }.
draw-promise = Le tirage est fixé à l’avance et vérifiable ensuite. Son engagement :
draw-won-by = Gagné par { $name }
draw-run = Tirer le gagnant
draw-page-title = Tirages au sort
draw-page-lead = Offrez un lot tiré au sort à une soirée, ou à chaque soirée d’une période. La page de chaque soirée montre l’engagement du tirage à l’avance ; l’hôtesse tire au sort sur l’écran de présentation, et chacun peut vérifier le résultat.
draw-none = Aucun lot offert pour l’instant.
draw-new = Offrir un lot
draw-item = Lot
draw-choose = Choisissez un article
draw-party = Soirée
draw-all-in-period = Toutes les soirées de la période ci-dessous
draw-from = Premier jour de la période
draw-to = Dernier jour de la période
draw-who = Qui peut gagner
draw-create = Offrir le lot
insights-report-draw = Tirage au sort : { $prize }, gagné par { $winner }.

## Avis et astuces (issue 19)
item-rated =
    { $count ->
        [one] Noté { $average } sur 5 par une personne qui l’a acheté
       *[other] Noté { $average } sur 5 par { $count } personnes qui l’ont acheté
    }
review-stars =
    { $rating ->
        [one] 1 étoile sur 5
       *[other] { $rating } étoiles sur 5
    }
review-photo-alt = Photo de { $name }
review-brand-reply = La réponse de la marque :
review-section-title = Avis
review-none-yet = Pas encore d’avis : les acheteurs sont sollicités une semaine après leur livraison.
review-tips-title = Astuces d’hôtesses
review-rating-legend = Votre note
review-comment = Votre commentaire
review-photo = Une photo (facultatif)
review-send = Envoyer mon avis
review-page-title = Donnez votre avis
review-back-to-order = ← Retour à votre commande
review-lead = Dites aux prochains invités ce que vous pensez de chaque article. La marque lit chaque avis avant de le publier.
review-after-delivery = Vous pourrez donner votre avis une fois votre commande livrée.
review-state-pending = Envoyé : la marque le lit avant de le publier.
review-state-published = Publié sur la page de l’article.
review-state-hidden = Non affiché sur la page de l’article.
review-error-rating = Choisissez de 1 à 5 étoiles.
review-error-comment = Écrivez quelques mots sur l’article.
review-error-too-long = Restez sous { $max } caractères.
review-error-one-photo = Ajoutez une photo au plus.
review-mail-subject = Que pensez-vous de votre commande de { $party } ?
review-mail-body = Votre commande de la soirée « { $party } » a été livrée il y a une semaine. Voulez-vous noter chaque article de 1 à 5, avec un mot pour les prochains invités ? Cela prend une minute :
tip-page-title = Vos astuces
tip-back = ← Vos soirées
tip-lead = Dites aux invités comment vous utilisez un article. Une fois publiée par la marque, votre astuce apparaît sur la page de l’article et dans votre présentation.
tip-write = Écrire une astuce
tip-saved = Astuce envoyée : la marque la publie après l’avoir lue.
tip-item = Article
tip-body = Votre astuce
tip-body-hint = Comment vous l’utilisez, avec quoi il va, comment vous l’entretenez.
tip-send = Envoyer mon astuce
tip-mine = Vos astuces
tip-none = Pas encore d’astuce.
tip-error-item = Choisissez l’article.
tip-error-body = Écrivez votre astuce.
moderation-title = Avis et astuces
moderation-lead = Les acheteurs notent ce qu’ils ont reçu et les hôtesses partagent leurs astuces. Publiez ce qui aide les prochains invités, masquez le reste, et répondez si vous le souhaitez.
moderation-tabs = Avis par état
moderation-pending = À lire ({ $count })
moderation-published = Publiés
moderation-hidden = Masqués
moderation-none = Rien ici.
moderation-tip-by = Astuce de { $name }, hôtesse
moderation-publish = Publier
moderation-hide = Masquer
moderation-reply = Votre réponse (affichée en dessous)
moderation-save-reply = Enregistrer la réponse
moderation-error-state = Choisissez de publier ou de masquer.
brand-nav-reviews = Avis
host-your-tips = Vos astuces
track-review-items = Donner mon avis
catalog-rating = Note

## Album de la soirée (issue 19)
album-link = L’album de la soirée
album-photo-by = Photo de { $name }
album-title = L’album de la soirée
album-lead = Les photos de la soirée, pour ses invités seulement. L’hôtesse choisit ce qui est montré.
album-empty = Aucune photo montrée pour l’instant.
album-mine-waiting = Vos photos en attente de l’hôtesse
album-add = Ajoutez vos photos
album-photos = Photos
album-photos-hint = JPEG, PNG ou WebP, 8 Mo au plus chacune, 6 au plus à la fois.
album-caption = Une légende (facultatif)
album-send = Ajouter à l’album
album-host-lead = Les photos de vos invités attendent ici que vous les montriez ; seuls les invités de la soirée voient l’album.
album-state-shown = montrée
album-state-hidden = masquée
album-state-pending = en attente
album-hide = Masquer
album-show = Montrer
album-error-not-yet = Les invités qui ont répondu oui peuvent ajouter des photos une fois la soirée commencée.
album-error-caption = Restez sous { $max } caractères pour la légende.
album-error-no-photo = Choisissez au moins une photo.
host-album-link = Album de la soirée

## Choisi par les fans, précommandes (issue 19)
item-chosen-by-fans = Choisi par les fans
vote-fans-chose = Les fans ont choisi : { $choice }
vote-brand-will = Ce que la marque va faire :
poll-outcome = Ce que vous ferez du résultat
poll-outcome-hint = Les votants le lisent avec le résultat. L’article de l’option gagnante reçoit la mention « Choisi par les fans ».
poll-error-outcome = Dites aux votants ce que vous ferez de leur choix.
poll-error-outcome-long = Restez sous { $max } caractères.
brand-nav-preorders = Précommandes
preorder-title = Précommandez-le
preorder-lead = Fabriqué seulement si assez de fans le veulent : { $price } l’unité, votre carte autorisée maintenant et débitée seulement si l’objectif est atteint d’ici le { $ends }.
preorder-progress = { $units } précommandés sur { $goal }
preorder-funded-note = L’objectif est atteint : il sera fabriqué.
preorder-quantity = Combien
preorder-start = Précommander
preorder-page-title = Votre précommande
preorder-state-new = Autorisez { $amount } sur votre carte pour confirmer votre précommande. Rien n’est débité si l’objectif n’est pas atteint.
preorder-state-authorised = Votre carte est autorisée pour { $amount }, sans débit. Si { $goal } sont précommandés d’ici le { $ends }, elle est débitée et l’article est fabriqué ; sinon, rien n’est débité.
preorder-state-captured = L’objectif a été atteint : votre carte a été débitée de { $amount } et votre article est en fabrication.
preorder-state-released = La campagne n’a pas atteint son objectif : rien n’a été débité.
preorder-state-abandoned = Cette précommande n’a pas été confirmée avant la fin de la campagne : rien n’a été débité.
preorder-card-title = Votre carte
preorder-card-text = { $amount } seront autorisés, sans débit.
preorder-authorise = Autoriser { $amount }
preorder-error-quantity = Choisissez de 1 à 5.
preorder-error-ended = La campagne est terminée : cette précommande ne peut plus être confirmée.
preorder-mail-authorised-subject = Votre précommande de { $item }
preorder-mail-authorised = Votre précommande de { $item } est enregistrée : { $amount } sont autorisés sur votre carte, sans débit. Quand { $goal } seront précommandés, elle sera débitée et l’article fabriqué ; si l’objectif n’est pas atteint à temps, rien n’est débité. Suivez-la ici :
preorder-mail-captured-subject = { $item } sera fabriqué
preorder-mail-captured = Bonne nouvelle : assez de fans ont précommandé { $item }. Votre carte a été débitée de { $amount } et votre article part en fabrication. Suivez sa fabrication ici :
preorder-mail-released-subject = { $item } ne sera pas fabriqué cette fois
preorder-mail-released = La campagne de précommande de { $item } n’a pas atteint son objectif. Votre carte n’a pas été débitée : l’autorisation est levée.
campaign-page-title = Campagnes de précommande
campaign-lead = Ouvrez une campagne sur un article : les invités précommandent depuis leur lien, leur carte autorisée sans débit. Atteindre l’objectif débite toutes les cartes et lance la fabrication ; finir en deçà les libère toutes. Une autorisation de carte dure { $days } jours : une campagne se termine avant.
campaign-none = Aucune campagne pour l’instant.
campaign-new = Ouvrir une campagne
campaign-item = Article
campaign-goal = Objectif (unités)
campaign-ends = Dernier jour
campaign-open = Ouvrir la campagne
campaign-state-open = Ouverte
campaign-state-funded = Financée : en fabrication
campaign-state-failed = Objectif non atteint : cartes libérées
campaign-error-item = Choisissez l’article.
campaign-error-goal = Donnez un objectif de 1 à 10 000 unités.
campaign-error-ends = Choisissez un dernier jour entre aujourd’hui et dans { $days } jours (une autorisation de carte dure { $days } jours).
campaign-error-open-already = Cet article a déjà une campagne ouverte.

## La fabrication d’une commande (issue 19)
brand-nav-making = Fabrication
making-title = La fabrication de vos articles
making-photo-alt = La fabrication de { $item }
making-page-title = La fabrication
making-lead = Racontez aux acheteurs comment leurs articles sont fabriqués : chaque nouvelle apparaît sur la page de leur commande, dans l’ordre, et ils reçoivent au plus un e-mail par jour avec les nouveautés.
making-new = Publier une nouvelle
making-item = Article
making-body = La nouvelle
making-photo = Une photo (facultatif)
making-post = Publier la nouvelle
making-none = Aucune nouvelle pour l’instant.
making-read =
    { $readers ->
        [one] lue par { $read } sur { $readers } acheteur
       *[other] lue par { $read } sur { $readers } acheteurs
    }
making-error-item = Choisissez l’article.
making-error-body = Écrivez la nouvelle.
making-mail-subject = Des nouvelles de la fabrication de votre commande
making-mail-intro = Voici où en sont vos articles :
making-batch = Ou un lot de fabrication
making-batch-hint = Un lot est une campagne de précommande financée : sa nouvelle ne va qu’aux acheteurs de cette campagne.
making-all-buyers = Tous les acheteurs de l’article
making-batch-name = { $item } : précommandes financées le { $date }
catalog-no-rating = Pas encore de note
album-who-adds = Les invités qui ont répondu oui ajoutent leurs photos ici une fois la soirée commencée.
track-prize-credit = Crédit gagné
order-note-paid-by-credit = Payée avec votre crédit gagné au tirage.
mail-order-credit = Crédit gagné : −{ $amount }
cart-prize-credit = Votre crédit gagné au tirage
cart-prize-credit-hint = Votre crédit est déduit du total ci-dessous, jusqu’au montant de la commande ; le reste vous attend pour une prochaine commande.
draw-error-credit = Indiquez un crédit entre 0,01 et { $most }, par exemple 20 ou 19,50.
draw-prize-credit = { $amount } de crédit
draw-mail-body-credit = Vous avez gagné le tirage au sort de la soirée « { $party } » : { $prize }. Il est déduit de vos prochaines commandes auprès de cette marque passées depuis votre lien d’invitation, jusqu’à son montant.
draw-kind = Type de lot
draw-kind-item = Un article, livré avec les commandes de la soirée
draw-kind-credit = Un crédit sur les prochaines commandes du gagnant
draw-credit = Crédit à gagner
draw-credit-hint = Pour un crédit seulement : un montant dans la devise de la marque, par exemple 20 ou 19,50.
