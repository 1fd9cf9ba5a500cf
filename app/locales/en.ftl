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
language-switcher = Language:

## Errors
not-found-title = Page not found
not-found-text = There is nothing at this address. If you followed an invitation link, check that it is complete.
go-home = Go to the home page

## Emails to guests and buyers
mail-hello-name = Hello { $name },
mail-order-subject = Your order from { $party }
mail-order-thanks = Thank you for your order from "{ $party }".
mail-order-items = Items: { $amount } (VAT included: { $vat })
mail-order-shipping = Shipping: { $amount }
mail-order-total = Total: { $amount }
mail-order-delivery-host = Delivery: to the host, for you to pick up.
mail-order-delivery-home = Delivery address: { $address }
mail-order-pay-by-card = Pay by card on your order's page within { $minutes } minutes, or its items go back on sale:
mail-order-pay-at-delivery = You pay at delivery.
mail-order-follow = Follow your order, step by step:

## The party form
event-language = Language of the party
event-language-hint = Invitations, the guests' pages and their emails are written in it.

## The brand's settings
brand-language = Default language
brand-language-hint = Parties are held in it unless their host chooses another; visitors whose browser asks for neither French nor English read it.

## app/src/orders/mod.rs
order-loading = Loading…
cart-quantity = Quantity
cart-add = Add to cart
cart-added = In your cart: { $count }.
cart-see = See your cart
cart-page-title = Your cart · Soirée
cart-title = Your cart
cart-closed = Orders for this party are closed.
cart-empty = Your cart is empty.
cart-see-collection = See the collection
cart-unit-price = { $price } each
cart-quantity-of = Quantity of { $name }
cart-remove = 0 (remove)
cart-update = Update
order-items-vat-included = Items (VAT included)
order-vat-share = of which VAT
cart-shipping-to-host = Shipping to the host
cart-shipping-free = free
cart-shipping-to-home = Shipping to your address
checkout-title = Checkout
checkout-name = Your name
checkout-email = Your email
checkout-email-hint = Your confirmation and the tracking link go here.
checkout-delivery = Delivery
checkout-delivery-host = To the host, to pick up: free (total { $total })
checkout-delivery-home = To my address: { $shipping } shipping, free from { $free_from } (total { $total })
checkout-address = Your address (for delivery to your address)
checkout-wants-to-host = I'd like to host a party of my own (the brand will write to me)
checkout-placing = Placing your order…
checkout-place = Place the order
checkout-pay-hint = Your order's page and email say how to pay.
checkout-payment = Payment
checkout-card-needs-js-only = Paying by card needs JavaScript, which is off in this browser, and this brand takes only cards: turn JavaScript on to order.
checkout-card-needs-js = Paying by card needs JavaScript, which is off in this browser: choose another way to pay.
track-page-title = Your order · Soirée
track-eyebrow = Order { $number } · { $party }
track-thanks = Thank you, { $name }
pay-transfer-title = Pay by bank transfer
pay-transfer-text = Send { $amount } to this account, with the reference below: the brand finds your order with it.
pay-transfer-holder = Account holder
pay-transfer-reference = Reference
track-lines-title = What you ordered
track-shipping = Shipping
track-host-credit = Host credit
track-total = Total
track-delivery-host = Delivery: to the host, for you to pick up.
track-delivery-address = Delivery address: { $address }
track-placed = Placed { $date }

## app/src/orders/domain.rs
checkout-error-name = Enter your name, as it should appear on the parcel.
checkout-error-delivery = Choose delivery to your address or to the host.
checkout-error-payment = Choose how you will pay.
checkout-error-stale = This checkout form is out of date: reload the page and try again.
checkout-error-address = Enter your full address: street and number, postcode and town.
checkout-error-address-long = Keep the address under 300 characters.

## app/src/orders/card.rs
pay-card-title = Pay by card
pay-card-not-opened = The payment service did not answer when you ordered. Your order is kept: pay below.
pay-card-deadline = Pay { $amount } by { $deadline }; after that the items go back on sale.
pay-card-needs-js = Paying by card needs JavaScript, which is off in this browser.
pay-card-label = Card number, expiry date and security code
pay-card-paying = Paying…
pay-card-submit = Pay { $amount }
pay-otherwise = Or pay another way:
pay-otherwise-transfer = Pay by bank transfer instead
pay-otherwise-delivery = Pay at delivery instead
pay-card-loading = The card field is still loading: try again in a moment.
pay-card-declined = Your card was not accepted: try another card.
pay-card-load-failed = The card field could not be loaded: check your connection and reload the page.
pay-card-no-answer = The payment service did not answer: try again.
pay-card-auth-failed = Your card's authentication did not go through, and nothing was charged: try again or use another card.
pay-otherwise-choose = Choose bank transfer or payment at delivery.
pay-card-unreachable = The payment service did not answer, and nothing was charged: try again in a moment.
pay-card-not-offered = This brand does not take cards yet.
pay-card-expired = This order can no longer be paid: its 30 minutes have passed. Its items went back on sale.
pay-card-missing = Enter your card's number, expiry date and code.
pay-otherwise-not-waiting = This order is no longer waiting for its payment.
pay-otherwise-not-offered = The brand does not take this way to pay.
pay-otherwise-unreachable = The payment service did not answer, so your card payment could not be stopped: try again in a moment.

## app/src/base/order.rs
order-status-placed = Placed
order-status-paid = Paid
order-status-in-preparation = In preparation
order-status-shipped = Shipped
order-status-delivered = Delivered
order-status-cancelled = Cancelled
order-status-refunded = Refunded
pay-method-card = By card, now
pay-method-transfer = By bank transfer
pay-method-delivery = At delivery

## app/src/base/items.rs
item-sold-out = Sold out
item-only-left = Only { $count } left
item-label-title = What it is made of
item-composition = Composition
item-recycled-content = Recycled content
item-made-in = Made in
item-care = Care
item-how-it-is-made = How it is made
item-photo-alt = { $name }, photo { $number } of { $count }

## app/src/pages/guest.rs
guest-collection-title = The collection
guest-cart-link = Your cart and checkout
guest-collection-empty = The host has not picked the items yet. Come back soon!
guest-loading-collection = Loading the collection…
guest-loading = Loading…
guest-item-page-title = Item · Soirée
guest-vat-included = VAT included ({ $rate } %)
guest-orders-closed = Orders for this party are closed.
guest-in-favourites = ♥ In your favourites
guest-add-to-favourites = ♡ Add to favourites
guest-shared-page-title = A party · Soirée
guest-host-is-hosting = { $host } is hosting
guest-when = When
guest-until = Until
guest-where = Where
guest-where-online = Online: the link comes with your invitation.
guest-where-at-home = At the host's home: the address is shown to guests who answer yes.
guest-join-title = Join the party
guest-join-intro = Leave your name and email: your personal invitation link arrives by email, to answer and follow the party.
guest-your-name = Your name
guest-your-email = Your email
guest-join-submit = Send me my invitation
guest-joined = Check your inbox: your personal invitation link is on its way.
guest-invitation-page-title = Your invitation · Soirée
guest-host-invites-you = { $host } invites you
guest-your-answer = Your answer
guest-waiting-list = The party is full for now: you are on the waiting list. We will email you if a place frees up.
guest-will-you-come = Will you come?
guest-answer-yes = Yes, I'll be there
guest-answer-maybe = Maybe
guest-answer-no = No, I can't come
guest-companions = Companions coming with you
guest-note-label = A note to { $host } (optional)
guest-send-answer = Send my answer

## app/src/invitations/mod.rs
invite-party-cancelled = { $host } cancelled this party. Nothing can be ordered from it; an order you paid is still delivered.
invite-party-closed = This party is closed: orders stopped on { $date }. Thank you for coming! Your orders are on their way: see the email for each.
invite-place-at-home = At the host's home: the address appears here once you answer yes.
invite-paste-at-least-one = Paste at least one guest, one per line.
invite-rsvp-yes = Yes
invite-rsvp-maybe = Maybe
invite-rsvp-no = No
invite-rsvp-waiting = Waiting list
invite-rsvp-none = No answer yet
invite-sent =
    { $count ->
        [one] { $count } invitation on the way.
       *[other] { $count } invitations on the way.
    }
invite-guests-title = Guests
invite-loading-guests = Loading the guest list…
invite-no-guests = No guests yet. Add them below.
invite-guest-table-caption = Guest list and answers
invite-name = Name
invite-email = Email
invite-col-answer = Answer
invite-col-actions = Actions
invite-resend-to = Resend the invitation to { $who }
invite-new-link-for = Send { $who } a new link
invite-remove-guest = Remove { $who }
invite-not-invited-yet = not invited yet
invite-mail-failed = the email could not be delivered: check the address, then resend
invite-note = Note:
invite-note-quoted = “{ $note }”
invite-resend = Resend
invite-new-link = New link
invite-new-link-consequence = { $who }'s current link stops working at once; a new one is emailed to { $email }.
invite-new-link-confirm = Yes, send a new link
invite-remove = Remove
invite-added =
    { $count ->
        [one] Added { $count } guest.
       *[other] Added { $count } guests.
    }
invite-merged = { $count } already on the list (merged).
invite-rejected-count =
    { $count ->
        [one] { $count } line could not be read:
       *[other] { $count } lines could not be read:
    }
invite-rejected-line = Line { $line }: “{ $text }” — { $reason }
invite-more-rejected = …and { $count } more: check the list and paste those lines again.
invite-send-to-new = Send invitations to new guests
invite-add-one-title = Add a guest
invite-add-one-submit = Add the guest
invite-paste-title = Paste a list
invite-paste-label = Guests, one per line
invite-paste-hint = Ana Lima <ana@example.com>, or ana@example.com, or Ana Lima,ana@example.com; or paste the list as your mail app copies it: Ana Lima <ana@example.com>; Ben <ben@example.com>
invite-add-many-submit = Add these guests

## app/src/showcase/mod.rs
showcase-choose-item = Choose an item of the catalog to add.
showcase-featured-title = Featured items
showcase-featured-hint = Drag an item to its place, or use ⤒ Top, ↑ and ↓ (they work with the keyboard).
showcase-loading = Loading…
showcase-featured-count =
    { $count ->
        [one] { $count } item in your order: guests see them like this.
       *[other] { $count } items in your order: guests see them like this.
    }
showcase-present = Present on a TV
showcase-move-up = Move { $name } up
showcase-move-down = Move { $name } down
showcase-remove-item = Remove { $name }
showcase-move-to-top = Move { $name } to the top
showcase-top = ⤒ Top
showcase-remove = Remove
showcase-add-label = Add an item from the catalog
showcase-add = Add

## app/src/votes/mod.rs (the guests' votes)
vote-choose-option = Choose an option, then vote.
vote-your-vote = (your vote)
vote-result-figure =
    { $share } % · { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }
vote-have-your-say = Have your say
vote-thanks =
    { $count ->
        [one] Thank you for voting. { $count } vote so far:
       *[other] Thank you for voting. { $count } votes so far:
    }
vote-submit = Vote

## Forms
form-fix-field = Please fix the field marked below.
form-fix-fields = Please fix the fields marked below.
mail-hello = Hello,
mail-invite-subject = { $host } invites you: { $title }
mail-invite-body = { $host } invites you to "{ $title }", { $when }, { $place }.
mail-invite-online = online (the video link is on your invitation page)
mail-invite-at-home = at home (the address is shown once you answer yes)
mail-invite-answer = Answer yes, maybe or no here
mail-invite-personal = This link is personal: it is how { $host } knows it is you.
mail-invite-ics-description = Answer and see the details: { $link }
mail-your-page = Your page: { $link }
mail-reminder-subject = Tomorrow: { $title }
mail-reminder-body = A reminder: "{ $title }" with { $host } is on { $when }.
mail-reminder-details = The details, and your answer if it changed:
mail-thanks-subject = Thank you for coming: { $title }
mail-thanks-body = { $host } thanks you for "{ $title }". Orders are still open from your page:
mail-thanks-host-your-own = Loved it? Host a party of your own and earn rewards:
mail-cancelled-subject = Cancelled: { $title }
mail-cancelled-body = { $host } has cancelled "{ $title }", which was planned for { $when }.
mail-cancelled-orders = An order you placed from this party and have not paid is cancelled (you will get an email about it); a paid order is still delivered.
mail-promoted-subject = A place freed up: you're in for { $title }
mail-promoted-body = A place freed up at "{ $title }" and you were first on the waiting list: your yes is confirmed.
mail-promoted-details = The details and the address are on your page:

## Order emails
mail-your-order = Your order:
mail-transfer-how = To pay by bank transfer, send { $amount } to:
    {"  "}{ $holder }
    {"  "}IBAN { $iban }
    {"  "}BIC { $bic }
    with the reference { $reference } (the brand finds your order with it).
mail-transfer-late-subject = Your order { $order } is waiting for its transfer
mail-transfer-late = We have not received the bank transfer for your order { $order } yet. If it does not arrive by { $deadline }, the order is cancelled and its items go back on sale.
mail-status-subject = Your order { $order }: { $status }
mail-status-body = Your order { $order } from "{ $party }" is now: { $status }.
mail-status-follow = Follow it here:
