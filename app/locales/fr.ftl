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
nav-sign-out = Se déconnecter
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
mail-reminder-subject = C’est demain : { $title }
mail-reminder-body = Petit rappel : « { $title } » avec { $host } a lieu le { $when }.
mail-reminder-details = Tous les détails, et votre réponse si elle a changé :
mail-thanks-subject = Merci pour votre venue : { $title }
mail-thanks-body = { $host } vous remercie de votre présence à « { $title } ». Vous pouvez encore commander depuis votre page :
mail-thanks-host-your-own = Vous avez aimé ? Organisez votre propre soirée et gagnez des récompenses :
mail-cancelled-subject = Annulée : { $title }
mail-cancelled-body = { $host } a annulé « { $title } », qui était prévue le { $when }.
mail-cancelled-orders = Une commande passée lors de cette soirée et non payée est annulée (vous recevrez un e-mail à ce sujet) ; une commande payée vous sera bien livrée.
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
