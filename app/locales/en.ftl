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
nav-sign-out-everywhere = Sign out everywhere
nav-sign-out = Sign out
footer-privacy = Privacy
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
invite-place-online-answer = Online: the video link is for guests who answer yes.
invite-place-online-soon = Online: the video link appears here at { $when }, 15 minutes before the start.
invite-place-online-now = Online, now:
guest-join-video = Join the video call
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
mail-stop-footer = No more reminders or news from this brand: one click here stops them (invitations and order mail still come).
mail-reminder-subject = Tomorrow: { $title }
mail-reminder-body = A reminder: "{ $title }" with { $host } is on { $when }.
mail-reminder-details = The details, and your answer if it changed:
mail-reminder-early-subject = In 2 days: { $title }
mail-reminder-video = The video call, to join at the start time:
mail-nudge-subject = Will you come? { $title }
mail-nudge-body = { $host } is waiting for your answer to "{ $title }", on { $when }.
mail-last-call-subject = Last days to order: { $title }
mail-last-call-body = Orders from "{ $title }" with { $host } close on { $deadline }. What you order counts toward { $host }'s rewards, even if you could not come:
mail-thanks-subject = Thank you for coming: { $title }
mail-thanks-body = { $host } thanks you for "{ $title }". Orders are still open from your page:
mail-thanks-host-your-own = Loved it? Host a party of your own and earn rewards:
mail-cancelled-subject = Cancelled: { $title }
mail-cancelled-body = { $host } has cancelled "{ $title }", which was planned for { $when }.
mail-cancelled-orders = An order you placed from this party is cancelled, and refunded if you paid it (you will get an email about each). Your calendar entry is cancelled by the file attached.
mail-moved-subject = Changed: { $title }
mail-moved-body = { $host } has changed "{ $title }": it is now on { $when }, { $place }.
mail-moved-at = at { $address }
mail-moved-calendar = The calendar file attached moves the entry in your calendar.
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

## app/src/base/error.rs
error-unauthorized = Please sign in to continue.
error-forbidden = Your account does not have access to this.
error-not-found = We could not find that page.
error-wrong-credentials = That email and password do not match. Check them and try again.
error-locked-out =
    { $minutes ->
        [one] Too many failed sign-ins for this email. Try again in { $minutes } minute.
       *[other] Too many failed sign-ins for this email. Try again in { $minutes } minutes.
    }
error-too-many-requests =
    { $seconds ->
        [one] Too many attempts from your connection. Wait { $seconds } second and try again.
       *[other] Too many attempts from your connection. Wait { $seconds } seconds and try again.
    }
error-too-large = What you sent is too large. Shorten it and send it again.
error-timed-out = This took too long, perhaps because of a slow connection. Try again.
error-busy = We are very busy right now. Try again in a few seconds.
error-unreadable = Part of the form could not be read. Check what you entered and send it again.
error-internal = Something went wrong on our side. Please try again in a moment.
error-transport = The request did not go through. Check your connection, reload the page and try again.
error-choose-rsvp = Choose yes, maybe or no.
error-choose-answer = Choose one of the answers.
error-field-required = This field is required: fill it in.

news-consent = Send me news from the brand by email (I can stop them at any time).

## app/src/base/brand.rs
brand-nav-label = Brand
brand-nav-dashboard = Dashboard
brand-nav-hosts = Hosts
brand-nav-catalog = Catalog
brand-nav-orders = Orders
brand-nav-kits = Kits
brand-nav-votes = Votes
brand-nav-bookings = Bookings
brand-nav-webhooks = Webhooks
brand-nav-api-keys = API keys
brand-nav-exports = Exports
brand-nav-privacy = Personal data
brand-nav-settings = Settings

## app/src/pages/home.rs
home-back-to-collection = ← The collection
home-item-how-to-order = Our items are ordered at a party, from the host's invitation. Know a host? Ask them for an invitation, or { $link }.
home-item-host-yourself = host a party yourself
home-no-brand = No brand is set up yet. Run { $seed } for the demo brand, or { $create }.
home-eyebrow = Home parties by its fans
home-become-host = Become a host
home-sign-in = Sign in as a host or brand admin
home-how-title = How it works
home-step-host-title = A fan hosts
home-step-host-text = Our hosts schedule an evening at home or online and invite their friends by email or a share link.
home-step-guests-title = Guests discover
home-step-guests-text = At the party, guests open the event on their phones, look at the collection, favourite and vote.
home-step-orders-title = Orders count for the host
home-step-orders-text = Every order placed from the event is a real purchase, credited to the host, with rewards everyone understands.
home-collection-title = From the collection
home-catalog-empty = The catalog is empty for now.

## app/src/accounts
login-lead = For the brand's staff and its hosts. Guests need no account: use the link from your invitation.
login-password = Password
login-signing-in = Signing in…
login-forgot-link = Forgot your password?
login-suspended = The brand has suspended this host account. Contact the brand to have it reinstated.
login-enter-password = Enter your password.
account-enter-name = Enter the person's name.
account-email-taken = An account with this email already exists.
forgot-page-title = Forgot your password · Soirée
forgot-title = Choose a new password
forgot-text = Enter the email address of your account: we will send you a link to choose a new password. It works once, for one hour.
forgot-submit = Send me a link
forgot-sent = If an account uses this address, a link to choose a new password is on its way. It works once, for one hour; check your spam folder if it has not arrived in a few minutes.
forgot-back = Back to sign-in
reset-page-title = New password · Soirée
reset-title = Choose a new password
reset-text = Choose a new password for your account. Once it is saved, every device signed in with the old one is signed out.
reset-submit = Save my new password and sign in
reset-mail-subject = Choose a new password for Soirée
reset-mail-body = Someone, probably you, asked to choose a new password for your Soirée account. Choose it with this link; it works once, for one hour:
reset-mail-not-you = If you did not ask, ignore this email: your password stays as it is.
welcome-page-title = Welcome · Soirée
welcome-title = Welcome, new host
welcome-text = Choose a password for your host account. This link works once, for 48 hours.
welcome-password = Your new password
welcome-password-hint = At least 8 characters; a phrase is easiest to remember.
welcome-submit = Set my password and sign in
welcome-link-expired = This link has expired or was already used. Ask for a new one with “Forgot your password?” on the sign-in page.

## app/src/hosts
hosts-joined-applied = applied
hosts-joined-booked = booked from a party
hosts-joined-invited = invited by the brand
hosts-joined-founding = founding host
hosts-apply-page-title = Become a host · Soirée
hosts-the-brand = the brand
hosts-apply-title = Become a host
hosts-apply-lead = Love { $brand }? Host parties at home or online, share the collection with your friends, and earn credit and half-price items on every party.
hosts-city = City
hosts-city-hint = Where you would hold your parties.
hosts-motivation = Why you love the brand
hosts-motivation-hint = A sentence or two: the brand reads every application.
hosts-sending = Sending…
hosts-send-application = Send my application
hosts-applied = Thank you! Your application is on its way to the brand, and we have emailed you a copy. You will hear from us soon.
hosts-page-title = Hosts · Soirée
hosts-title = Hosts
hosts-lead = Fans apply at { $link }. Approving one emails them a link to set their password (it works once, for 48 hours).
hosts-applications-title = Applications ({ $count } waiting)
hosts-decided = Done: the fan has been emailed.
hosts-invite-title = Invite a fan to host
hosts-invited = Invitation sent: the fan has a link to set their password.
hosts-city-optional = City (optional)
hosts-send-invitation = Send the invitation
hosts-list-title = The brand's hosts ({ $count })
hosts-col-host = Host
hosts-col-joined = Joined
hosts-col-parties = Parties
hosts-col-status = Status
hosts-status-suspended = Suspended
hosts-status-active = Active
hosts-no-applications = No applications yet.
hosts-approve-as-host = Approve { $name } as a host
hosts-decline-who = Decline { $name }
hosts-application-meta = { $email } · { $city } · applied { $date }
hosts-approve = Approve
hosts-decline = Decline
hosts-decline-application-consequence = { $name } gets a kind email saying the brand will not take the application further. This cannot be undone, though they may apply again.
hosts-yes-decline = Yes, decline
hosts-approved = Approved
hosts-declined = Declined
hosts-reinstate = Reinstate the host
hosts-suspend = Suspend the host
hosts-suspended-text = Suspended: this host cannot schedule new parties. Their open parties stay visible to guests.
hosts-active-text = Active: this host can schedule parties.
hosts-suspend-consequence = { $name } can no longer schedule parties. Their open parties stay visible to guests and keep taking orders. You can reinstate them at any time.
hosts-yes-suspend = Yes, suspend
hosts-enter-your-name = Enter your name.
hosts-your-name-too-long = Keep your name under { $max } characters.
hosts-enter-your-city = Enter your city.
hosts-your-city-too-long = Keep your city under { $max } characters.
hosts-enter-motivation = Enter a few words on why you love the brand.
hosts-motivation-too-long = Keep a few words on why you love the brand under { $max } characters.
hosts-motivation-too-short = Tell us a little more: a sentence or two on why you love the brand.
hosts-enter-fan-name = Enter the fan's name.
hosts-fan-name-too-long = Keep the fan's name under { $max } characters.
hosts-city-too-long = Keep the city under { $max } characters.
hosts-email-has-account = This email already has an account: sign in instead.
hosts-application-answered = This application was already answered.
hosts-mail-application-subject = Your application to host for { $brand }
hosts-mail-application-thanks = Thank you for applying to host { $brand } parties. The team reads every application and will write to you soon.
hosts-mail-application-declined = Thank you for wanting to host { $brand } parties, and for the kind words. We cannot take on new hosts near you just now, but we will keep your application in mind. You are always welcome at the parties you are invited to.

## app/src/bookings
booking-host-your-own-title = Host your own party
booking-asked = Thank you! The brand will write to you to set up your host account.
booking-host-your-own-text = Enjoyed the items? Host a party of your own, earn credit and half-price items, and your host earns a bonus too.
booking-ask = I'd like to host a party
booking-page-title = Bookings · Soirée
booking-title = Booking requests
booking-intro = Guests who asked to host a party of their own. Approving one makes them a host: they get an email with a link to set their password (valid 48 hours), and their first party counts as a booking for the host they came from.
booking-decided = Done: the guest has been emailed.
booking-no-requests = No requests yet.
booking-col-guest = Guest
booking-col-from-party = From the party
booking-col-asked = Asked
booking-hosted-by = hosted by { $host }
booking-status-waiting = Waiting
booking-decline-consequence = { $name } gets a kind email saying the brand will not set up a party with them. This cannot be undone.
booking-request-answered = This request was already answered.
booking-mail-subject = Your request to host for { $brand }
booking-mail-declined = Thank you for wanting to host a { $brand } party. We cannot take on new hosts near you just now, but we will keep your request in mind. You are always welcome at the parties you are invited to.

## app/src/insights/
insights-percent = { $value } %
insights-change-none = no change
insights-change-new = new
insights-change-points = { $change } pts
insights-change-percent = { $change } %
insights-parties-held = Parties held
insights-guests-invited = Guests invited
insights-yes-rate = RSVP yes rate
insights-buying-guests = Buying guests
insights-paid-orders = Paid orders
insights-revenue-paid = Revenue (paid)
insights-average-order = Average order
insights-reward-share = Reward cost / revenue
insights-bookings-generated = Bookings generated
insights-new-hosts = New hosts
insights-revenue = Revenue
insights-parties = Parties
insights-conversion = Conversion
insights-bookings = Bookings
insights-invited = Invited
insights-answered = Answered
insights-said-yes = Said yes
insights-invited-and-bought = Invited and bought
insights-period-range = { $from } – { $to }
insights-error-date = Enter a date like 2026-09-01.
insights-error-swapped = The last day comes before the first: swap them.
insights-error-too-long = Choose at most { $days } days.
insights-error-period = Choose this month, the last 3 months or your own dates.
insights-period = Period
insights-period-month = This month
insights-period-quarter = Last 3 months
insights-period-custom = Custom dates
insights-period-from = From
insights-period-to = To
insights-show = Show
insights-period-compared = { $period } · compared with { $previous }
insights-period-compared-fallback = { $period } · compared with { $previous } (showing this month)
insights-key-figures = Key figures
insights-kpi-was = (was { $value })
insights-funnel-note-all-invited = The funnel follows invited guests; here every buying guest was invited.
insights-funnel-note-share-links =
    { $count ->
        [one] The funnel follows invited guests. “Buying guests” also counts { $count } buyer who came through a share link.
       *[other] The funnel follows invited guests. “Buying guests” also counts { $count } buyers who came through a share link.
    }
insights-dashboard-page-title = Brand dashboard · Soirée
insights-dashboard-lead = How your hosts perform: parties held in the period and every paid order they brought.
insights-dashboard-empty = No party was held in this period yet. Choose a longer period, or come back once your hosts have held their parties.
insights-revenue-by-week = Revenue by week
insights-funnel-title = From invitation to purchase
insights-leaderboard-title = Host leaderboard
insights-leaderboard-empty = No host held a party in this period.
insights-host = Host
insights-events-empty = No party held in this period.
insights-party = Party
insights-date = Date
insights-yes = Yes
insights-buyers = Buyers
insights-orders = Orders
insights-reward = Reward
insights-totals-label = Totals of the period
insights-rsvp-none = No answer
insights-bought-yes = Yes
insights-bought-no = No
insights-report-page-title = Party report · Soirée
insights-report-hosted-by = Hosted by { $host }
insights-report-when-cancelled = { $when } · cancelled
insights-report-when-not-held = { $when } · not held yet
insights-report-figures = The party's figures
insights-report-refunded =
    { $count ->
        [one] Refunded: { $count } order, { $amount } in all, not counted in the sales above.
       *[other] Refunded: { $count } orders, { $amount } in all, not counted in the sales above.
    }
insights-report-refunded-held =
    { $count ->
        [one] Refunded: { $count } order, { $amount } in all, not counted in the sales above; a reward already credited stays with the host.
       *[other] Refunded: { $count } orders, { $amount } in all, not counted in the sales above; a reward already credited stays with the host.
    }
insights-report-guests = Guests
insights-report-no-guests = No guest was invited.
insights-report-guest = Guest
insights-report-answer = Answer
insights-report-plus-ones = Plus-ones
insights-report-bought = Bought
insights-report-note-to-you = Note to you
insights-report-items-title = Items: sold and wanted
insights-report-items-hint = Favourites and votes are what guests wanted, bought or not: the brand's window on what its fans like.
insights-report-item = Item
insights-report-units-sold = Units sold
insights-report-favourites = Favourites
insights-report-votes = Votes
insights-axis-money =
    { $unit ->
        [CHF] CHF { $amount }
       *[other] { $unit }{ $amount }
    }
insights-axis-thousands =
    { $unit ->
        [CHF] CHF { $amount }k
       *[other] { $unit }{ $amount }k
    }
insights-chart-week = Week of { $week }: { $amount }
insights-chart-revenue-title = Revenue by week, { $total } in all
insights-chart-as-table = Revenue by week as a table
insights-chart-week-of = Week of
insights-chart-step = { $step }: { $count } ({ $share })
insights-chart-step-column = Step
insights-chart-people = People
insights-chart-of-invited = Of the invited

## app/src/exports/
export-orders = Orders
export-order-lines = Order lines
export-events = Parties
export-hosts = Hosts
export-orders-about = Every order placed in the period, whatever its status, with its party, host and amounts.
export-order-lines-about = The items of those orders: one row per line, with the price at the time of the order.
export-events-about = The parties held in the period, with the dashboard's figures for each.
export-hosts-about = Every host, with their figures for the parties they held in the period.
export-page-title = Exports · Soirée
export-title = Exports
export-lead = CSV files with a header row, dates in ISO 8601 (UTC) and amounts both in cents and in whole units of your currency, which the currency column names. For your BI tools there is also a { $api }.
export-lead-api = read-only API
export-download = Download { $file }
export-progress-of = { $rows } of { $total } rows…
export-progress = { $rows } rows…
export-done = Done: { $rows } rows downloaded.
export-failed = The export stopped ({ $reason }). Try again, or choose a shorter period.
export-not-found = There is no such export.
export-sign-in = Please sign in as a brand admin to export.
export-admins-only = Only the brand's admins can export.
export-could-not-start = The export could not start.
mail-invite-answer-here = Answer yes, maybe or no here:

## app/src/public_api/
apikey-error-name = Name the key after the tool that will use it, e.g. "Metabase".
apikey-error-name-long = Keep the name under { $max } characters.
apikey-copy = Copy the key
apikey-copied = Copied.
apikey-copy-refused = Your browser did not let us copy: select the key and copy it.
apikey-page-title = API keys · Soirée
apikey-title = API keys
apikey-lead = Read-only access to your hosts, parties, orders and host performance for BI tools, at { $path }. The { $document } describes every endpoint. Send a key as { $header }.
apikey-lead-document = OpenAPI document
apikey-new-key = Your new key. Copy it now: it is shown only this once.
apikey-create-title = Create a key
apikey-name = Name
apikey-name-hint = Name it after the tool that will use it, e.g. "Metabase".
apikey-create = Create the key
apikey-keys-title = Keys
apikey-none = No key yet.
apikey-key = Key
apikey-created = Created
apikey-last-used = Last used
apikey-status = Status
apikey-revoke-label = Revoke the key { $name }
apikey-never = never
apikey-revoked = Revoked { $when }
apikey-revoke = Revoke

## app/src/events (the party form, statuses, cancelling, validation)
event-status-upcoming = Upcoming
event-status-open = Open for orders
event-status-closed = Closed
event-status-cancelled = Cancelled
event-cancel-nobody-told = No guest has been invited yet, so nobody is told
event-cancel-guests-told =
    { $count ->
        [one] { $count } guest will be told by email
       *[other] { $count } guests will be told by email
    }
event-cancel-orders-cancelled =
    { $count ->
        [one] { $count } unpaid order will be cancelled
       *[other] { $count } unpaid orders will be cancelled
    }
event-cancel-paid-orders =
    { $count ->
        [one] { $count } paid order will be cancelled and refunded
       *[other] { $count } paid orders will be cancelled and refunded
    }
event-cancel-join = {"; "}
event-cancel-impact = { $consequences }. This cannot be undone.
event-reminders = Reminders to guests
event-reminders-hint = Guests who are coming get a reminder, and those who have not answered a nudge to answer.
event-reminders-day = 24 hours before
event-reminders-early = 2 days before
event-reminders-both = 2 days and 24 hours before
event-reminders-none = No reminder
event-error-reminders = Choose when guests are reminded.
event-suspended = Your host account is suspended, so you cannot schedule new parties. Your open parties stay as they are; write to the brand to find out more.
event-title-label = Title
event-description-label = Description (optional)
event-time-zone = Time zone
event-starts = Starts
event-ends = Ends
event-kind-home = At home (address)
event-kind-online = Online (video link)
event-address-label = Address (shown only to guests who answer yes)
event-video-link = Video link
event-video-hint = For an online party, e.g. https://meet.example/soiree
event-capacity-label = Capacity (guests)
event-orders-close-label = Orders close (optional)
event-orders-close-hint = Leave empty to keep orders open 5 days after the party.
event-error-kit = Choose one of the brand's kits, or no kit.
event-error-kit-gone = That kit does not exist any more: choose another one.
event-error-language = Choose Français or English.
event-error-title = Give the party a title.
event-error-title-long = Keep the title under { $max } characters.
event-error-description-long = Keep the description under { $max } characters.
event-error-start-past = The start is in the past. Pick a date and time to come.
event-error-end-before-start = The end must come after the start.
event-error-deadline-before-end = Orders must stay open at least until the end of the party.
event-error-address = Enter the address where guests should come.
event-error-video-link = Enter the video link starting with https://, e.g. https://meet.example/soiree.
event-error-kind = Choose in person or online.
event-error-capacity = Enter the number of guests as a whole number, e.g. 12.
event-error-capacity-low = Capacity must be at least 1 guest.
event-error-capacity-high = Capacity can be at most { $max } guests.
event-error-time-zone = Choose a time zone from the list, e.g. Europe/Paris.
event-error-start-missing = Enter the start date and time.
event-error-end-missing = Enter the end date and time.
event-error-deadline-missing = Enter the order deadline date and time.
event-error-start-unreadable = Enter the start as a date and time, e.g. 2026-12-05 19:00.
event-error-end-unreadable = Enter the end as a date and time, e.g. 2026-12-05 19:00.
event-error-deadline-unreadable = Enter the order deadline as a date and time, e.g. 2026-12-05 19:00.
event-error-time-skipped = { $time } does not exist in { $zone }: the clocks change then. Pick another time.

## app/src/events/digest.rs (the host's digest)
digest-title = News from your parties
digest-on = You get an email when guests answer, leave you a note or order: at most one an hour.
digest-off = The digest is off: you see answers, notes and orders on each party's page.
digest-turn-off = Turn the digest off
digest-turn-on = Email me a digest
digest-subject-answers =
    { $answers ->
        [one] { $answers } new answer at your parties
       *[other] { $answers } new answers at your parties
    }
digest-subject-orders =
    { $orders ->
        [one] { $orders } new order at your parties
       *[other] { $orders } new orders at your parties
    }
digest-subject-both =
    { $answers ->
        [one] { $answers } new answer
       *[other] { $answers } new answers
    } and { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    } at your parties
digest-hello-there = Hello there,
digest-since = News from your parties since { $since }:
digest-answer =
    { $rsvp ->
        [yes] { $who } is coming
        [maybe] { $who } may come
        [no] { $who } cannot come
        [waiting] { $who } is on the waiting list
       *[other] { $who } has not answered
    }
digest-wrote = , and wrote: “{ $note }”
digest-order = { $name } ordered for { $amount }
digest-see-party = See the party: { $link }
digest-footer = You get this email at most once an hour. To stop it, use “Turn the digest off” on your dashboard: { $link }

## app/src/pages/host_home.rs
host-page-title = Your parties · Soirée
host-eyebrow = { $brand } host
host-hello = Hello { $name }!
host-schedule = Schedule a party
host-your-results = Your results
host-no-parties = No parties yet
host-no-parties-text = Schedule your first party: pick a date, then invite your guests by email or a share link and follow their answers.
host-rsvp-counts = { $invited } invited · { $yes } yes · { $maybe } maybe · { $no } no · { $pending } pending
host-credit-to-spend =
    { $items ->
        [0] of credit to spend.
        [one] of credit to spend and { $items } half-price item.
       *[other] of credit to spend and { $items } half-price items.
    }
host-spend-credit = Spend your credit
host-rewards-empty = The paid orders of your parties count toward your host rewards: each party's page shows how far you are from the next one. Credit you earn appears here.

## app/src/pages/host_event.rs
host-event-page-title = Party · Soirée
host-jump-items = Items
host-share-link = Your “order from my party” link
host-on-this-page = On this page
host-party-report = Party report
host-address = Address
host-capacity = Capacity
host-capacity-guests =
    { $count ->
        [one] { $count } guest
       *[other] { $count } guests
    }
host-orders-close = Orders close
host-edit = Edit
host-cancel-party = Cancel the party
host-cancel-confirm = Yes, cancel the party
host-share-on = Send it on any channel: anyone with it can order from your party, every order counting for you, or add themselves as a guest. It does not show your address.
host-share-qr = QR code of the share link
host-share-off = The share link is off: only the guests you invite can answer.
host-share-turn-off = Turn the share link off
host-share-turn-on = Turn the share link on
host-back = Back to your parties

## app/src/pages/event_forms.rs
event-schedule-page-title = Schedule a party · Soirée
event-scheduling = Scheduling…
event-schedule-submit = Schedule the party
event-kit = Start from a kit
event-kit-hint = The kit's items become the party's featured items; you can add or remove items afterwards.
event-no-kit = No kit: I will pick items myself
event-kit-option =
    { $count ->
        [one] { $name } ({ $count } item)
       *[other] { $name } ({ $count } items)
    }
event-edit-page-title = Edit the party · Soirée
event-edit-title = Edit { $title }
event-save = Save changes

## app/src/pages/presentation.rs
present-page-title = Presentation · Soirée
present-heading = Presentation of { $title }
present-hide-sales = Hide the sales figures
present-show-sales = Show the sales figures
present-hide-reward = Hide my reward progress
present-show-reward = Show my reward progress
present-leave = Leave
present-full-screen = Full screen
present-empty-title = No items to show yet
present-empty-text = Add items to the party first.
present-slide-label = { $n } of { $total }
present-order-from-phone = Order from your phone
present-qr = QR code of the party page
present-scan = Scan to see the items and order
present-slides = Slides
present-previous = ← Previous
present-next = Next →
present-guests-here =
    { $count ->
        [one] { $figure } guest here
       *[other] { $figure } guests here
    }
present-coming = { $figure } coming
present-orders =
    { $count ->
        [one] { $figure } order
       *[other] { $figure } orders
    }
present-sales = { $figure } in sales

## app/src/rewards (the host's rewards, the brand's reward rules)
reward-rewards = Rewards
reward-your-rewards = Your rewards
reward-loading = Loading your rewards…
reward-final = Final reward: tier { $tier }, { $reward }
reward-closed-none = The party closed without a reward
reward-to-next =
    { $items ->
        [one] { $amount } more to reach the next reward: { $percent }% credit and { $items } half-price item
       *[other] { $amount } more to reach the next reward: { $percent }% credit and { $items } half-price items
    }
reward-top = Top reward reached
reward-no-tiers = No reward tiers set
reward-words =
    { $items ->
        [0] { $credit } credit
        [one] { $credit } credit and { $items } half-price item
       *[other] { $credit } credit and { $items } half-price items
    }
reward-bar-label = Qualifying sales toward the next reward
reward-bar-text = { $sales } of { $target }
reward-sales = { $figure } qualifying sales
reward-buyers =
    { $count ->
        [one] { $figure } buying guest · { $needed } needed
       *[other] { $figure } buying guests · { $needed } needed
    }
reward-tier =
    { $items ->
        [0] Tier { $tier }: { $credit } credit
        [one] Tier { $tier }: { $credit } credit, { $items } half-price item
       *[other] Tier { $tier }: { $credit } credit, { $items } half-price items
    }
reward-no-tier = No tier yet
reward-guests-missing =
    { $needed ->
        [one] Rewards need { $needed } buying guest: { $missing } more to go.
       *[other] Rewards need { $needed } buying guests: { $missing } more to go.
    }
reward-awaiting = { $amount } of orders await payment: they count once paid.
reward-credited = Credited: { $reward }.
reward-none-this-time = No reward this time.
reward-see-credit = See and spend your credit
reward-orders-close = Orders close { $deadline }. The party then closes by itself; you will get an email 2 days before.
reward-close-early = Orders stop now instead of { $deadline }: guests lose { $left } of ordering, and their pages say the party is over.
reward-close-now = Orders stop now.
reward-close-credit = Your reward is credited now from the paid orders: { $reward }. This cannot be undone.
reward-no-reward-yet = no reward yet
reward-close-label = Close the party now
reward-close-confirm = Yes, close the party
reward-closed-by-host = Closed on { $date } (by the host).
reward-closed-at-deadline = Closed on { $date } (automatically at the order deadline).
reward-closed-other = Closed on { $date } ({ $by }).
reward-span-none = no time
reward-span-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reward-span-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
reward-span-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
reward-error-not-started = The party has not started yet: close it once it has taken place.
reward-error-cancelled = This party is cancelled: there is nothing to close.
reward-rules-title = Host rewards
reward-rules-saved = Reward rules saved.
reward-rules-hint = A host reaches a tier with the paid orders of a party (items only, no shipping). Leave a row empty to drop it.
reward-col-tier = Tier
reward-col-from = From ({ $unit } of sales)
reward-col-credit = Credit (%)
reward-tier-from = Tier { $tier }: from ({ $unit } of sales)
reward-tier-credit = Tier { $tier }: credit (%)
reward-tier-items = Tier { $tier }: half-price items
reward-min-buyers = Buying guests needed (besides the host)
reward-booking-items = Half-price items per booking
reward-booking-days = Days for a booked party to be held
reward-rules-save = Save the reward rules
reward-error-expired = This form has expired: reload the page.
reward-error-choose-items = Choose items from the list.
reward-error-quantity = A quantity from 0 to 20.
reward-error-no-item = Choose at least one item for your order.
reward-error-address = Give the address to send your order to: street, postcode and town.
reward-error-row-threshold = Row { $row }: give the sales threshold in { $currency }, e.g. 150.
reward-error-row-rising = Row { $row }: each threshold must be higher than the row above it.
reward-error-row-credit = Row { $row }: the credit is a percentage from 0 to 50.
reward-error-row-items = Row { $row }: half-price items: a whole number from { $min } to { $max }.
reward-error-no-tier = Give at least one reward tier.
reward-error-min-buyers = Buying guests needed: a whole number from { $min } to { $max }.
reward-error-booking-items = Half-price items per booking: a whole number from { $min } to { $max }.
reward-error-booking-days = Days for a booked party to be held: a whole number from { $min } to { $max }.

## app/src/rewards/ssr.rs (the host's reward emails)
reward-mail-closed-subject = "{ $party }" is closed: your reward
reward-mail-closed =
    { $buyers ->
        [one] "{ $party }" is closed. Qualifying sales: { $sales } from { $buyers } buying guest.
       *[other] "{ $party }" is closed. Qualifying sales: { $sales } from { $buyers } buying guests.
    }
reward-mail-earned =
    { $items ->
        [one] Your reward: { $credit } of credit and { $items } half-price item, ready to spend:
       *[other] Your reward: { $credit } of credit and { $items } half-price items, ready to spend:
    }
reward-mail-too-few =
    { $needed ->
        [one] Rewards need { $needed } buying guest and this party had { $buyers }, so it earned no reward this time.
       *[other] Rewards need { $needed } buying guests and this party had { $buyers }, so it earned no reward this time.
    }
reward-mail-below = These sales are below the first reward tier, so the party earned no reward this time.
reward-mail-warn-subject = Orders for "{ $party }" close in 2 days
reward-mail-warn = Orders for "{ $party }" close on { $deadline }. Then the party closes and your reward is computed.
reward-mail-warn-sales =
    { $buyers ->
        [one] Qualifying sales so far: { $sales } from { $buyers } buying guest ({ $needed } needed).
       *[other] Qualifying sales so far: { $sales } from { $buyers } buying guests ({ $needed } needed).
    }
reward-mail-warn-next = { $amount } more reaches the next reward.
reward-mail-awaiting = { $amount } of orders are waiting for payment: they count once paid.
reward-mail-warn-remind = Remind your guests, or close the party yourself:
reward-mail-booking-subject = A booking from your party earned you a half-price item
reward-mail-booking =
    { $items ->
        [one] { $host }, who booked a party at "{ $origin }", has held "{ $party }". You earn { $items } more half-price item:
       *[other] { $host }, who booked a party at "{ $origin }", has held "{ $party }". You earn { $items } more half-price items:
    }

## app/src/rewards/redeem.rs (the credit page, the reward order)
credit-page-title = Your credit · Soirée
credit-title = Your credit
credit-balance = Balance
credit-balance-items =
    { $count ->
        [one] of credit, and { $figure } half-price item to spend.
       *[other] of credit, and { $figure } half-price items to spend.
    }
credit-history = History
credit-history-empty = Nothing yet: your rewards arrive here when a party closes.
credit-col-date = Date
credit-col-what = What
credit-col-credit = Credit
credit-col-items = Half-price items
credit-ledger-reward = Reward of "{ $party }": { $note }
credit-ledger-booking = Booking bonus: { $note }
credit-ledger-restored = Given back: your order #{ $order } was cancelled
credit-ledger-spent = Spent on your order #{ $order }
credit-note-tier = Tier { $tier } reached
credit-note-buyers =
    { $count ->
        [one] { $count } buying guest of the { $needed } needed
       *[other] { $count } buying guests of the { $needed } needed
    }
credit-note-below = Below the first tier
credit-note-held = { $host } held "{ $party }"
credit-redeem-title = Order with your reward
credit-redeem-hint = Half price goes to your most expensive items; your credit pays the rest, as far as it goes.
credit-find = Find an item
credit-find-placeholder = Name or reference
credit-one-less = One { $name } less
credit-one-more = One { $name } more
credit-no-match = No item matches “{ $search }”.
credit-send-to = Send it to
credit-address-hint = Street, postcode and town.
credit-total-later = Half price and your credit are taken off when you place the order: its page shows what is left to pay.
credit-total-items = Items
credit-half-price = Half price
credit-half-price-amount =
    { $count ->
        [one] −{ $amount } ({ $count } item)
       *[other] −{ $amount } ({ $count } items)
    }
credit-left-to-pay = Left to pay
credit-placing = Placing your order…
credit-place = Place my reward order
credit-error-nothing = You have no credit or half-price items to spend yet: they come when a party closes.
credit-error-no-longer-sold = An item you chose is no longer sold: reload the page.
credit-error-no-party = You have no party yet.
credit-error-short = Not enough { $name } in stock: lower the quantity.
credit-mail-subject = Your reward order { $order }
credit-mail-placed =
    { $count ->
        [one] Your reward order { $order } is placed: items { $items }, of which { $count } half-price item; host credit used { $credit }; left to pay { $total }.
       *[other] Your reward order { $order } is placed: items { $items }, of which { $count } half-price items; host credit used { $credit }; left to pay { $total }.
    }
credit-mail-pay-by-card = Pay it by card on the order's page within { $minutes } minutes, or it is cancelled and your credit given back.

## app/src/pages/host_report.rs
report-host-page-title = Host · Soirée
report-hosts = Hosts
report-host-lead = { $email } · { $city } · joined { $joined } ({ $how })
report-no-city = no city given
report-funnel-title = From invitation to purchase
report-parties = Parties
report-earned-spent = Earned { $earned } · spent { $spent } · balance { $balance } and { $items } half-price item(s).
report-no-reward = No reward yet.
report-my-page-title = Your results · Soirée
report-rank-top-10 = Among the brand's { $hosts } hosts with parties in this period, you are in the top 10 %.
report-rank-top-25 = Among the brand's { $hosts } hosts with parties in this period, you are in the top 25 %.
report-rank-top-half = Among the brand's { $hosts } hosts with parties in this period, you are in the top half.
report-rank-growing =
    { $hosts ->
        [one] Among the brand's { $hosts } host with parties in this period, you are in the growing half.
       *[other] Among the brand's { $hosts } hosts with parties in this period, you are in the growing half.
    }
report-rank-none = Hold a party in this period to see where you stand among the brand's hosts.
report-my-rewards = Earned { $earned } and spent { $spent } in all. To spend: { $balance } and { $items } half-price item(s).
report-use-credit = Use your credit
report-my-parties = Your parties in this period

## app/src/invitations/domain.rs (a pasted guest line that cannot be read)
paste-error-close-angle = Close the address with > as in Ana Lima <ana@example.com>.
paste-error-name-long = Keep the name under { $max } characters.
paste-error-name-control = The name has characters that cannot be shown.

## app/src/catalog/
catalog-error-sku-empty = Give the item a SKU, e.g. CAN-FIG-220.
catalog-error-sku-long = Keep the SKU under { $max } characters.
catalog-error-sku-character = A SKU uses letters, digits, - _ and . only; remove '{ $character }'.
catalog-error-vat = Type the VAT rate in percent, e.g. 20 or 5.5.
catalog-error-vat-max = A VAT rate is at most 100 %.
catalog-error-stock-number = Type the stock as a whole number, e.g. 12.
catalog-error-stock-negative = The stock cannot be negative.
catalog-error-stock-max = The stock is at most { $max }.
catalog-error-recycled-number = Type the recycled content as a whole number, e.g. 12.
catalog-error-recycled-negative = The recycled content cannot be negative.
catalog-error-recycled-max = The recycled content is at most { $max }.
catalog-error-name = Give the item a name.
catalog-error-name-long = Keep the name under { $max } characters.
catalog-error-category = Give the item a category, e.g. Candles.
catalog-error-category-long = Keep the category under { $max } characters.
catalog-error-description-long = Keep the description under { $max } characters.
catalog-error-country-long = Keep the country of making under { $max } characters.
catalog-error-care-long = Keep the care instructions under { $max } characters.
catalog-error-story-long = Keep the story under { $max } characters.
catalog-error-composition-part = Write "{ $part }" as a percentage and a material, e.g. 60% organic cotton.
catalog-error-composition-percent = Each part is between 1 % and 100 %; check "{ $part }".
catalog-error-composition-total = The composition adds up to { $total } %: the parts must add up to 100 %.
catalog-error-sku-taken = Another item already uses the SKU { $sku }: give this one its own.
catalog-error-upload = The upload did not arrive whole: send at most 6 photos of up to 8 MB each.
catalog-photo-too-large = “{ $name }” is { $size } MB: photos can be up to 8 MB. Export it smaller and try again.
catalog-photo-too-many-pixels = “{ $name }” is { $width } × { $height } pixels ({ $megapixels } megapixels): photos can have up to 40 megapixels. Export it smaller and try again.
catalog-photo-format = “{ $name }” is not a JPEG, PNG or WebP photo. Choose a photo in one of these formats.
catalog-photo-unreadable = “{ $name }” could not be read as an image: the file may be damaged. Choose another photo.
catalog-photo-too-many = Add at most { $max } photos at a time; you chose { $count }.
catalog-page-title = Catalog · Soirée
catalog-title = Catalog
catalog-new-item = New item
catalog-search = Search by name or SKU
catalog-category = Category
catalog-all-categories = All categories
catalog-archived-items = Archived items
catalog-show = Show
catalog-count =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
catalog-count-paged =
    { $count ->
        [one] { $count } item · page { $page } of { $pages }
       *[other] { $count } items · page { $page } of { $pages }
    }
catalog-empty = No item matches. Change the search or the category.
catalog-photo = Photo
catalog-item = Item
catalog-sku = SKU
catalog-price = Price
catalog-stock = Stock
catalog-status = Status
catalog-status-archived = Archived
catalog-status-active = Active
catalog-status-inactive = Inactive
catalog-pages = Pages
catalog-previous = ← Previous
catalog-next = Next →
catalog-item-page-title = Item · Soirée
catalog-edit-item = Edit { $name }
catalog-back = ← Catalog
catalog-archived-notice = This item is archived: it is hidden from the catalog list and from kits and parties to come.
catalog-the-item = The item
catalog-sku-hint = Letters, digits and dashes, unique in your catalog.
catalog-name = Name
catalog-category-hint = e.g. Candles, Linen
catalog-description = Description
catalog-price-label = Price in { $currency }, VAT included
catalog-vat-rate = VAT rate (%)
catalog-active-label = Active: hosts can feature it and guests can order it
catalog-photos = Photos
catalog-photos-already =
    { $count ->
        [one] { $count } photo already; new ones are added after them.
       *[other] { $count } photos already; new ones are added after them.
    }
catalog-add-photos = Add photos
catalog-photos-hint = JPEG, PNG or WebP, up to 8 MB each, at most 6 at a time. They are resized for phones and screens.
catalog-label-legend = Transparency label (optional)
catalog-label-hint = Shown on the item to guests. Leave empty what you do not know.
catalog-composition-hint = Percentages that add up to 100, e.g. 60% organic cotton, 40% recycled polyester
catalog-country = Made in (country)
catalog-recycled = Recycled content (%)
catalog-care = Care instructions
catalog-saving = Saving… (photos are being resized)
catalog-create = Create the item
catalog-save = Save changes
catalog-no-photo = No photo yet: guests see a placeholder.
catalog-photo-alt = Photo { $number }
catalog-remove-photo = Remove photo { $number }
catalog-label-preview = Label preview
catalog-as-guests-see = As guests see it
catalog-bring-back = Bring back
catalog-archive = Archive
catalog-bring-item-back = Bring the item back
catalog-archive-item = Archive the item

## app/src/catalog/kits.rs
kit-error-name = Give the kit a name, e.g. Autumn kit.
kit-error-name-long = Keep the name under { $max } characters.
kit-error-description-long = Keep the description under { $max } characters.
kit-error-no-items = Choose at least one item for the kit.
kit-error-foreign-items = Choose items of your catalog.
kit-error-name-taken = You already have a kit named "{ $name }": choose another name.
kit-list-page-title = Kits · Soirée
kit-list-title = Kits
kit-list-lead = The selections you send to hosts. A host starts a party from a kit, then adds or removes items.
kit-new = New kit
kit-list-empty = No kit yet: create one from your catalog.
kit-items-count =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
kit-page-title = Kit · Soirée
kit-back = ← Kits
kit-edit = Edit { $name }
kit-name = Name
kit-description = What is in it, for the hosts
kit-items = Items
kit-save = Save the kit

## app/src/orders/admin.rs
admin-order-error-status = Choose the order's new status.
admin-order-error-bulk-status = Choose { $paid } or { $preparation }.
admin-order-error-bulk-ids = Tick the orders to change first.
admin-order-error-date = Type the date as YYYY-MM-DD.
admin-order-cannot-become = A { $from } order cannot become { $to }.
admin-order-changed-meanwhile = This order changed meanwhile: reload the page and check its status.
admin-order-party-choice = { $title } · { $date } · { $host }
admin-order-list-page-title = Orders · Soirée
admin-order-list-title = Orders
admin-order-search = Customer name or email, or payment reference
admin-order-status = Status
admin-order-all-statuses = All statuses
admin-order-party = Party
admin-order-all-parties = All parties
admin-order-host = Host
admin-order-all-hosts = All hosts
admin-order-count =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }
admin-order-bulk-moved =
    { $count ->
        [one] { $count } order marked { $status }.
       *[other] { $count } orders marked { $status }.
    }
admin-order-bulk-refused = #{ $id } stayed as it was: { $reason }
admin-order-bulk-more-refused = …and { $count } more stayed as they were.
admin-order-bulk-label = Change the ticked orders to
admin-order-apply = Apply
admin-order-tick = Tick
admin-order-order = Order
admin-order-placed = Placed
admin-order-customer = Customer
admin-order-total-column = Total
admin-order-tick-label = Tick order #{ $id } of { $name }
admin-order-page-title = Order · Soirée
admin-order-back = ← Orders
admin-order-eyebrow = { $party } · host { $host }
admin-order-title = Order #{ $id } · { $name }
admin-order-to-host = to the host
admin-order-total = Total { $amount }
admin-order-change-status = Change the status
admin-order-new-status = New status
admin-order-carrier = Carrier (when shipping)
admin-order-tracking-number = Tracking number (when shipping)
admin-order-save-status = Save the status

## app/src/pages/settings.rs, app/src/brand/
settings-page-title = Settings · Soirée
settings-title = Settings
settings-shipping-title = Shipping and back office
settings-saved = Settings saved.
settings-shipping-flat = Shipping to the guest's address ({ $unit })
settings-free-from = Free from ({ $unit } of items)
settings-webhook-url = Your back office's webhook address (optional)
settings-webhook-url-hint = Order events (placed, paid, status changed) are sent here, signed with the webhook secret.
settings-save = Save the settings
settings-bank-title = Bank transfer
settings-bank-hint = Guests who pay by transfer see this account, the amount and their order's payment reference on their order's page and in its email. Leave all three empty to stop offering it.
settings-bank-saved = Bank details saved.
settings-iban = IBAN
settings-bic = BIC
settings-save-bank = Save the bank details
settings-secrets-title = Secrets
settings-payment-webhook-set = Payment service webhook: { $address } (secret set)
settings-payment-webhook-unset = Payment service webhook: { $address } (no secret yet: payments cannot be reported)
settings-webhook-secret-set = Outbound webhook secret set.
settings-webhook-secret-unset = No outbound webhook secret yet.
settings-new-secret = Your new secret, shown only now: { $secret }
settings-new-payment-secret = New payment service secret
settings-new-webhook-secret = New outbound webhook secret
settings-not-set = not set
settings-payments-title = Payments
settings-payments-saved = Payment settings saved.
settings-ways-to-pay = Ways to pay offered at checkout
settings-pay-card = By card, on the order's page (Stripe)
settings-pay-transfer = By bank transfer, to the account above
settings-transfer-days = Days an unpaid transfer waits before its order is cancelled
settings-transfer-days-hint = Its buyer gets a reminder after 3 days; at the end its items go back on sale.
settings-stripe-title = Your Stripe account
settings-stripe-keys = Saved: secret key { $secret }, publishable key { $publishable }, webhook signing secret { $webhook }. Saved keys are never shown again: type one only to replace it.
settings-stripe-secret-key = Secret key (sk_…)
settings-stripe-publishable-key = Publishable key (pk_…)
settings-stripe-webhook-secret = Webhook signing secret (whsec_…)
settings-stripe-events = In Stripe, send the events payment_intent.succeeded and payment_intent.payment_failed to { $address }
settings-save-payments = Save the payment settings
settings-error-language = Choose Français or English.
settings-error-currency = Choose euro, pound sterling or Swiss franc.
settings-error-currency-locked = Your brand already has orders in { $currency }: its currency can no longer change.
settings-currency = Currency
settings-currency-hint = Prices, shipping, rewards and payments are in it. It can change until the first order.
settings-currency-locked = Your brand has orders: prices stay in { $currency }.
settings-error-account-holder = Give the account holder's name as the bank shows it ({ $max } characters at most).
settings-retention = Forget guests who never answered
settings-retention-hint = Their name and address are erased this long after their party (12 months at most).
settings-retention-months =
    { $months ->
        [one] after { $months } month
       *[other] after { $months } months
    }
settings-error-retention = Choose between 1 and 12 months.
settings-error-webhook-url = Give the full address of your back office, e.g. https://shop.example/soiree-hooks.
settings-error-webhook-private = This address leads to a private network or to this server itself. Give your back office's public address.
settings-error-secret-key = This is not a Stripe secret key: it starts with sk_ or rk_ (copy it from Stripe's dashboard, Developers).
settings-error-publishable-key = This is not a Stripe publishable key: it starts with pk_ (copy it from Stripe's dashboard, Developers).
settings-error-webhook-secret = This is not a Stripe webhook signing secret: it starts with whsec_ (copy it from Stripe's dashboard, Developers).
settings-error-secret-key-missing = Card payments need the secret key of your Stripe account.
settings-error-publishable-key-missing = Card payments need the publishable key of your Stripe account.
settings-error-webhook-secret-missing = Card payments need the webhook signing secret of your Stripe account.
settings-error-key-modes = The secret and publishable keys come from different modes (test and live): use both from the same one.
settings-error-no-method = Offer at least one way to pay.
settings-error-transfer-days = Give the days an unpaid transfer waits, a whole number from { $min } to { $max }.
settings-error-transfer-needs-bank = Bank transfer needs the account guests pay to: save it under { $section } first.
settings-secret-not-set = not set

## app/src/webhooks/
webhook-page-title = Webhooks · Soirée
webhook-title = Webhook deliveries
webhook-settings-link = Address and secret
webhook-no-address = No webhook address is set: order events are not sent. Set one in Settings.
webhook-target = Order events go to { $url }.
webhook-target-no-secret = Order events go to { $url } (no secret yet: they wait until you create one).
webhook-none = Nothing sent yet.
webhook-queued = Queued
webhook-event = Event
webhook-order = Order
webhook-status = Status
webhook-attempts = Attempts
webhook-response = Response
webhook-actions = Actions
webhook-waiting = Waiting, next try { $next }
webhook-delivered = Delivered
webhook-failed = Failed
webhook-send-again = Send again
webhook-not-tried = not tried yet

## app/src/events/ssr.rs (an unpaid order of a cancelled party, in its buyer's mail)
event-cancel-order-reason = The party was cancelled, so this unpaid order is cancelled too.
event-cancel-refund-reason = The party was cancelled, so this paid order is cancelled and refunded.

## app/src/votes/ (the brand's polls)
poll-error-question = Ask a question, e.g. Which colour should we make next?
poll-error-question-long = Keep the question under { $max } characters.
poll-error-items = Pick items of your catalog.
poll-error-option-long = Keep option { $number } under { $max } characters.
poll-error-option-twice = “{ $label }” appears twice: each option must be different.
poll-error-options-count = Give between { $min } and { $max } options; there are { $count }.
poll-error-cancelled = This party is cancelled: voting is closed.
poll-error-closed = This vote is closed.
poll-error-already-voted = You have already voted in this poll: one vote per guest.
poll-list-page-title = Votes · Soirée
poll-list-title = Votes
poll-list-lead = Ask the guests of every party: which colour, which scent, which piece next? They vote from their phones, once each.
poll-list-empty = No vote yet.
poll-open = Open
poll-closed = Closed
poll-votes-count =
    { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
poll-new-title = Open a vote
poll-question = Question
poll-question-hint = e.g. Which colour should we make next?
poll-options-legend = Options ({ $min } to { $max })
poll-options-hint = Type an option, or pick an item (its name is used when you type nothing). Leave the rows you do not need empty.
poll-option = Option { $number }
poll-option-item = Item for option { $number }
poll-no-item = No item
poll-create = Open the vote
poll-results-page-title = Vote results · Soirée
poll-back = ← Votes
poll-open-vote = Open vote
poll-closed-vote = Closed vote
poll-total =
    { $count ->
        [one] { $count } vote in all
       *[other] { $count } votes in all
    }
poll-close = Close the vote
poll-reopen = Open the vote again
poll-per-party = Per party
poll-no-votes = No votes yet.
poll-party = Party
poll-host = Host
poll-votes = Votes

# --- issue 15, the brand's words in several languages ---
content-language-name = { $language ->
        [fr] French
       *[en] English
    }
content-translation-legend = In { $language }
content-translation-hint = Readers of { $language } see these texts; where one is empty, they see yours.
content-missing = Missing in { $language }: { $fields }.
catalog-untranslated = Not in { $language } yet
poll-translation-title = Translation
poll-translation-save = Save the translation
poll-translation-saved = Translation saved.
content-field-in = { $field } in { $language }

# --- issue 15, remaining strings ---
account-error-email-empty = Enter your email address.
account-error-email-shape = Enter an email address like name@example.com.
account-error-password-short = Use at least { $min } characters for the password.
account-error-password-long = Use at most { $max } characters for the password.
account-error-password-common = This password is one of the most common ones and easy to guess. Choose another.
price-error-empty = Give the price in { $currency }, e.g. 32.50.
price-error-shape = Type the price in { $currency } with at most two decimals, e.g. 32.50.
price-error-negative = A price cannot be negative.
price-error-too-high = That price is above { $limit }: check the number of zeros.
currency-name-eur = euros
currency-name-gbp = pounds sterling
currency-name-chf = Swiss francs
currency-option-eur = Euro (€)
currency-option-gbp = Pound sterling (£)
currency-option-chf = Swiss franc (CHF)
bank-error-iban-shape = Type the account's IBAN, e.g. FR76 3000 6000 0112 3456 7890 189.
bank-error-iban-check = This IBAN has a typing mistake: its check digits do not match. Copy it again from your bank.
bank-error-bic = Type the bank's BIC: 8 or 11 letters and digits, e.g. BNPAFRPP.
admin-order-error-carrier = Name the carrier, e.g. Colissimo.
admin-order-error-tracking-number = Give the parcel's tracking number.
cart-error-quantity = Choose a quantity of 1 or more.
cart-error-sold-out = { $name } is sold out.
cart-error-only-left = Only { $count } of { $name } left: choose { $count } or fewer.
cart-error-max = At most { $max } of one item per order.
cart-error-closed = Orders for this party are closed: the order deadline has passed or the host closed the party.
cart-error-empty = Your cart is empty: add an item first.
cart-error-not-offered = The brand does not take this way to pay: choose another.
cart-error-just-sold-out = { $name } has just sold out: remove it from your cart to order the rest.
cart-error-short = Only { $count } of { $name } left: lower the quantity to { $count } or fewer.
gate-loading = Loading…
gate-refused-title = Not available
confirm-are-you-sure = Are you sure?
onboard-error-has-account = { $email } already has an account.
welcome-mail-subject = Welcome to the { $brand } hosts
welcome-mail-invited = { $brand } invites you to become one of its hosts.
welcome-mail-approved = Good news: you are now a { $brand } host.
welcome-mail-set-password = Set your password here to schedule your first party:
welcome-mail-link-once = The link works once, for 48 hours.
webhook-error-no-address = No webhook address is set.
webhook-error-no-secret = No webhook secret yet: create one in Settings.
order-note-parcel = { $carrier }, tracking number { $number }
order-note-card-refused = Card refused: { $reason }
order-note-card-failed = Card payment failed: { $reason }
order-note-card-not-accepted = the card was not accepted
order-note-pays-by-transfer = The buyer will pay by bank transfer instead of by card.
order-note-pays-at-delivery = The buyer will pay at delivery instead of by card.
order-note-refunded-after-cancel = Paid after the order was cancelled: the payment was refunded to the card.
order-note-card-expired = Not paid by card in time, or the party was cancelled: the items went back on sale.
order-note-transfer-expired =
    { $days ->
        [one] No bank transfer arrived within { $days } day: the items went back on sale.
       *[other] No bank transfer arrived within { $days } days: the items went back on sale.
    }
pay-error-amount-mismatch = The payment does not match the order's total.
pay-error-refund-no-stripe = Stripe is not set up: the card cannot be refunded.
pay-error-not-refunded = { $why }: nothing was refunded and the order stays as it was. Try again in a moment.
pay-stripe-unreachable = Stripe did not answer
party-error-cancelled = This party is cancelled and can no longer be changed.
party-error-closed = This party is closed and can no longer be changed.
guest-error-answered-stays = This guest has already answered and stays on the list.
guest-error-name-needed = Enter your name so the host knows who is coming.
guest-error-cancelled = This party is cancelled.
guest-error-started = The party has started: answers are closed.
guest-error-companions = Bring between 0 and 3 companions.
guest-error-note-long = Keep the note under { $max } characters.
order-line-half-price =
    { $count ->
        [one] { $count } at half price
       *[other] { $count } at half price
    }

## app/src/privacy
notice-page-title = Privacy · Soirée
notice-title = Privacy at { $brand }
notice-kept-title = What is kept
notice-kept = For { $brand }'s parties: the name and email address of each guest a host invites or who joins by a share link; their answer, companions and note for the host; their favourites and votes; their orders with the delivery address; and whether they want the brand's news, with when and where they said so.
notice-why-title = Why
notice-why = To run the parties guests are invited to, to deliver and account for their orders, and to send the news they asked for: nothing else, and nothing is sold or passed on.
notice-how-long-title = For how long
notice-how-long =
    { $months ->
        [one] Guests who never answered are forgotten { $months } month after their party. Answers and orders are kept for the brand's accounts until the guest asks to erase them; orders then stay, without the guest's name.
       *[other] Guests who never answered are forgotten { $months } months after their party. Answers and orders are kept for the brand's accounts until the guest asks to erase them; orders then stay, without the guest's name.
    }
notice-rights-title = What you can do
notice-rights = From your invitation's page, or with the form below, download everything { $brand } holds about you, or erase it. Every reminder carries a link that stops reminders and news at once. Invitations and the mails about your orders still come.
notice-unknown = We could not find this brand.
privacy-page-title = Personal data · Soirée
privacy-title = Personal data
privacy-intro = Someone asks what you hold about them, or to be forgotten: download everything about their email address, or erase it. Erasure keeps their orders in your accounts without their name, and hosts' figures do not change. Each action is written to the log below, which names the person by a code, never by their address.
privacy-export-title = Download a person's data
privacy-export-submit = Download their data (JSON)
privacy-erase-title = Erase a person's data
privacy-erase-confirm = I confirm: this person's name, address, notes, favourites and votes are erased for good.
privacy-erase-submit = Erase their data
privacy-erased =
    { $invitations ->
        [one] Erased: { $invitations } invitation and { $orders } orders made anonymous.
       *[other] Erased: { $invitations } invitations and { $orders } orders made anonymous.
    }
privacy-log-title = Log
privacy-log-empty = No download or erasure yet.
privacy-log-when = When
privacy-log-action = What
privacy-log-by = By
privacy-log-person = Person (code)
privacy-log-export = Download
privacy-log-erase = Erasure
privacy-log-by-guest = the person, from their link
erase-your-data = Your data
erase-your-data-text = The brand keeps your name, email address, answers, notes, favourites, votes and orders for its parties. Download all of it, or erase it: your orders then stay in the brand's accounts without your name.
erase-download = Download my data (JSON)
erase-confirm = I understand: my name, address, notes, favourites and votes are erased for good, and this link stops working.
erase-confirm-needed = Tick the box to confirm the erasure.
erase-submit = Erase my data
erased-page-title = Data erased · Soirée
erased-title = Your data is erased
erased-text = Your name, email address, notes, favourites, votes and mail choices are gone from this brand's parties. Your orders stay in its accounts, without your name.
stop-page-title = Emails from the brand · Soirée
stop-title = Emails from { $brand }
stop-text = Stop the reminders, thank-yous and news that { $brand } sends to { $email }, for every party. Invitations and the mails about your orders still come.
stop-submit = Stop these emails
stop-done = Done: { $brand } no longer sends reminders, thank-yous or news to { $email }. Invitations and the mails about your orders still come.
stop-done-short = Done: { $brand } no longer sends you reminders, thank-yous or news.
stop-unknown = This link is not valid. Copy the whole link from the email and try again.

## Asking for one's data without a link
ask-title = No link at hand?
ask-text = Give your email address: if { $brand } holds data about it, we mail it a link, valid for one hour, to download or erase that data.
ask-submit = Mail me the link
ask-sent = If the brand holds data about this address, a link is on its way to it. It works for one hour.
asked-mail-subject = Your data at { $brand }
asked-mail-body = Someone, probably you, asked to see or erase what { $brand } holds about this address on Soirée. This link shows it, for one hour:
asked-mail-not-you = If you did not ask, ignore this email: nothing changes.
asked-title = Your data at { $brand }
asked-text = What the brand holds about { $email }: download it, or erase it.
asked-unknown = This link no longer works
asked-unknown-text = A data link works for one hour, and not after an erasure. Ask for a new one from the brand's privacy page.

## The brand's news
brand-nav-news = News
news-page-title = News · Soirée
news-title = News to your fans
news-audience = { $count ->
    [0] Nobody has asked for your news yet: guests are asked, unticked, when they answer an invitation, join by a share link or order.
    [one] One person asked for your news and has not stopped it.
   *[other] { $count } people asked for your news and have not stopped it.
}
news-queued = { $count ->
    [0] Nobody to send it to: nothing was sent.
    [one] Your news is on its way to one person.
   *[other] Your news is on its way to { $count } people.
}
news-subject = Subject
news-text = Message
news-text-hint = Plain text; a blank line starts a paragraph. Each mail ends with why it came and a link that stops your news.
news-send = Send to everyone who asked
news-sending = Sending…
news-history = Sent before
news-none-yet = No news sent yet.
news-when = When
news-delivery = Delivered
news-sent-of = { $sent } of { $recipients }
news-subject-needed = Write a subject.
news-subject-too-long = Keep the subject to one line of at most { $max } characters.
news-text-needed = Write a message.
news-text-too-long = Keep the message to at most { $max } characters.
news-reload = This form is out of date: reload the page and send again.
news-mail-why = You receive { $brand }'s news because you asked for it at one of its parties.

## Two-step sign-in
brand-nav-two-step = Two-step sign-in
two-step-page-title = Two-step sign-in · Soirée
two-step-title = Two-step sign-in
two-step-off-text = After your password, Soirée can ask for a 6-digit code from an authenticator app on your phone (Google Authenticator, Aegis, 1Password…): someone who learns your password still cannot sign in as you.
two-step-start = Set it up
two-step-scan = Scan this code with your authenticator app, then type the 6 digits it shows.
two-step-qr = QR code to scan with an authenticator app
two-step-secret = Or type this key in the app:
two-step-turn-on = Turn on two-step sign-in
two-step-recovery-text = Two-step sign-in is on. Keep these recovery codes somewhere safe, away from your phone: each signs you in once if the phone is lost. They are shown only now.
two-step-on-text = { $left ->
    [one] Two-step sign-in is on. One recovery code is left.
   *[other] Two-step sign-in is on. { $left } recovery codes are left.
}
two-step-turn-off = Turn off two-step sign-in
two-step-code-page-title = Your code · Soirée
two-step-code-title = Your code
two-step-code-text = Your password is right. Now type the 6-digit code your authenticator app shows.
two-step-code = Code
two-step-code-hint = The 6 digits of your app, or one of your recovery codes.
two-step-code-submit = Sign in
two-step-start-again = Start again
two-step-wrong-code = This code is not right: type the 6 digits your app shows now, or an unused recovery code.
two-step-expired = This sign-in has expired: sign in again with your password.
two-step-already-on = Two-step sign-in is already on.

## A new password, signed in
nav-password = Password
password-page-title = Your password · Soirée
password-title = Your password
password-current = Current password
password-new = New password
password-new-hint = At least 8 characters, not a common password.
password-submit = Change my password
password-changed = Your password is changed. Your other sessions are signed out; this one stays.
password-current-needed = Type your current password.
password-current-wrong = This is not your current password.

## app/src/orders/pick_list.rs (the host's pick list)
host-pick-list = Pick list
pick-page-title = Pick list
pick-title = Pick list: { $title }
pick-lead = { $when }. { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    } delivered to you, { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } in all.
pick-print = Print
pick-csv = Download as CSV
pick-empty = No order is delivered to you yet: orders delivered to guests' homes are not on this list.
pick-totals = In total
pick-per-guest = Per guest
pick-order-number = order { $id }
pick-paid-yes = paid
pick-paid-no = not paid
pick-csv-guest = Guest
pick-csv-order = Order
pick-csv-paid = Paid
pick-csv-sku = SKU
pick-csv-item = Item
pick-csv-quantity = Quantity
pick-csv-all-guests = All guests

## app/src/invitations/messages.rs (the host writes to the guests)
message-title = Write to your guests
message-audience = To
message-to-all = Everyone invited who has not said no
message-to-yes = Those who said yes
message-to-pending = Those who have not answered
message-subject = Subject
message-text = Message
message-text-hint = Your guests can answer you by email: replies come to your address.
message-send = Send the message
message-queued =
    { $count ->
        [0] Nobody to write to in that group.
        [one] Your message is on its way to { $count } guest.
       *[other] Your message is on its way to { $count } guests.
    }
message-history = Sent
message-sent-line = { $when } · "{ $subject }" · { $audience } · { $count ->
        [one] { $count } guest
       *[other] { $count } guests
    }
message-error-audience = Choose who gets the message.
message-error-subject = Write a subject.
message-error-subject-long = The subject must be at most { $max } characters, on one line.
message-error-text = Write the message.
message-error-text-long = The message must be at most { $max } characters.
message-error-cancelled = This party is cancelled: its guests were told.
message-mail-signed = { $host }
message-mail-party = Your page for "{ $title }":

# A guest changes their order (orders::change)
order-change-title = Change your order
order-change-hint = Until your order is paid, and while the party takes orders, you can change a quantity, remove an item or cancel the order.
order-change-hint-paid = Until the brand starts preparing it, you can lower a quantity, remove an item or cancel the order: what you paid for more goes back to your card.
order-cancel-mine = Cancel my order
order-change-closed = This order can no longer be changed: it is being prepared, or the party no longer takes orders.
order-change-meanwhile = This order changed meanwhile: check it below and try again.
order-change-quantity = Choose a quantity from 0 to { $most }.
order-change-short = Only { $left } more left in stock: choose a smaller quantity.
order-change-payment-away = The card payment service did not answer: try again in a minute.
order-note-cancelled-by-buyer = Cancelled by the buyer.
order-note-line-changed = { $name }: { $from } → { $to }.
mail-order-changed-subject = Your order { $order } was changed
mail-order-changed-body = Your order { $order } from "{ $party }" was changed. Its total is now { $total }.

# The host orders for a friend (orders::for_friend)
friend-order-title = Order for a friend
friend-order-intro = A friend who cannot come can still buy: choose their items, and they get an email with the link to pay. The order counts for your party.
friend-order-placed = Order placed: your friend gets an email with the link to pay.
friend-order-see = See the order
friend-order-name = Your friend's name
friend-order-email = Your friend's email
friend-order-items = Items
friend-order-delivery = Delivery
friend-order-to-me = To me, with the party's delivery (free)
friend-order-to-friend = To my friend's address
friend-order-address = Your friend's address (for delivery to them)
friend-order-submit = Place the order and email my friend
friend-order-error-no-item = Choose at least one item.
mail-order-for-friend-subject = { $host } ordered for you from { $party }
mail-order-for-friend = { $host } placed this order for you at the party "{ $party }".
mail-order-pay-by-card-before-deadline = Pay for it by card on the order's page before the party's order deadline:

# Co-hosts (events::cohosts)
reward-cohost-share = Co-hosts' share of a party's credit (%)
reward-cohost-share-hint = Shared equally among a party's co-hosts when it closes; the host keeps the rest and the half-price items. 0 keeps it all for the host.
reward-error-cohost-share = Co-hosts' share: a whole number from { $min } to { $max }.
credit-ledger-cohost-share = Your share as a co-host of "{ $party }"
cohost-title = Co-hosts
cohost-with = You co-host this party with { $host }: you can manage the guests, write to them, arrange the items and present. { $host } edits and closes it.
cohost-none = No co-host yet.
cohost-intro = A co-host helps you run the party: guests, invitations, messages, items and the presentation. Only you edit, cancel and close it. Add another host of the brand, or anyone by email: they get an account and a link to set a password.
cohost-added = { $name } co-hosts your party now and got an email.
cohost-name = Co-host's name (for someone new to the brand)
cohost-email = Co-host's email
cohost-add = Add the co-host
cohost-remove = Remove { $name }
cohost-error-name = Give the co-host's name (up to 120 characters): they are new to the brand.
cohost-error-self = You host this party already: add someone else.
cohost-error-other = This email belongs to an account that cannot co-host (a brand admin, or another brand's): use another address.
cohost-mail-subject = { $host } asks you to co-host { $party }
cohost-mail-body = { $host } added you as a co-host of "{ $party }": you can manage the guests, write to them, arrange the items and present.
cohost-mail-link = The party's page:

# The fair drawing (draws)
brand-nav-draws = Drawings
draw-rule-yes = guests who said yes
draw-rule-bought = guests who bought
draw-error-nobody = Nobody can win yet: no guest meets the brand's rule for this prize.
draw-error-prize-out = The prize is out of stock: ask the brand to restock it, then draw.
draw-order-note = Won at the party's prize drawing.
draw-mail-subject = You won the drawing at { $party }!
draw-mail-body = You won the prize drawing at "{ $party }": { $prize }. It comes with the party's orders, to the host.
draw-period = parties from { $from } to { $to }
draw-error-scope = Choose a party, or give the period's first and last days (the first not after the last).
draw-error-item = Choose the prize.
draw-error-rule = Choose who may win.
draw-check-title = How to check the drawing
draw-check-text = Before the party this page showed the commitment: the SHA-256 of the seed below, so the seed could not change. The winner is the eligible guest at position n modulo their number (counting from 0, ids ascending), where n is the first 8 bytes, read as a big-endian number, of SHA-256 of the seed, a colon, and the ids joined by commas.
draw-commitment = Commitment (SHA-256 of the seed)
draw-seed = Seed
draw-eligible = Eligible guests' ids
draw-title = Prize drawing
draw-prize = To win: { $prize }, among the { $rule }.
draw-promise = The drawing is fixed in advance and can be checked afterwards. Its commitment:
draw-won-by = Won by { $name }
draw-run = Draw the winner
draw-page-title = Prize drawings
draw-page-lead = Offer a prize drawn at one party, or at every party of a period. Each party's page shows the drawing's commitment beforehand; the host draws on the presentation screen, and anyone can check the result.
draw-none = No prize offered yet.
draw-new = Offer a prize
draw-item = Prize
draw-choose = Choose an item
draw-party = Party
draw-all-in-period = Every party of the period below
draw-from = First day of the period
draw-to = Last day of the period
draw-who = Who may win
draw-create = Offer the prize
insights-report-draw = Prize drawing: { $prize }, won by { $winner }.

## Reviews and tips (issue 19)
item-rated =
    { $count ->
        [one] Rated { $average } out of 5 by one buyer
       *[other] Rated { $average } out of 5 by { $count } buyers
    }
review-stars =
    { $rating ->
        [one] 1 star out of 5
       *[other] { $rating } stars out of 5
    }
review-photo-alt = Photo by { $name }
review-brand-reply = The brand's answer:
review-section-title = Reviews
review-none-yet = No review yet: buyers are asked a week after their delivery.
review-tips-title = Hosts' tips
review-rating-legend = Your rating
review-comment = Your comment
review-photo = A photo (optional)
review-send = Send my review
review-page-title = Review your items
review-back-to-order = ← Back to your order
review-lead = Tell the next guests what you think of each item. The brand reads every review before it is published.
review-after-delivery = You can review your items once your order is delivered.
review-state-pending = Sent: the brand reads it before publishing it.
review-state-published = Published on the item's page.
review-state-hidden = Not shown on the item's page.
review-error-rating = Choose from 1 to 5 stars.
review-error-comment = Write a few words about the item.
review-error-too-long = Keep it to { $max } characters.
review-error-one-photo = Add one photo at most.
review-mail-subject = How do you like what you ordered at { $party }?
review-mail-body = Your order from the party "{ $party }" was delivered a week ago. Would you rate each item from 1 to 5, with a word for the next guests? It takes a minute:
tip-page-title = Your tips
tip-back = ← Your parties
tip-lead = Tell guests how you use an item. Once the brand publishes it, your tip shows on the item's page and in your presentation.
tip-write = Write a tip
tip-saved = Tip sent: the brand publishes it after reading it.
tip-item = Item
tip-body = Your tip
tip-body-hint = How you use it, what it goes with, how you care for it.
tip-send = Send my tip
tip-mine = Your tips so far
tip-none = No tip yet.
tip-error-item = Choose the item.
tip-error-body = Write your tip.
moderation-title = Reviews and tips
moderation-lead = Buyers review what they received and hosts share tips. Publish what helps the next guests, hide the rest, and answer when you like.
moderation-tabs = Reviews by state
moderation-pending = To read ({ $count })
moderation-published = Published
moderation-hidden = Hidden
moderation-none = Nothing here.
moderation-tip-by = Tip by { $name }, host
moderation-publish = Publish
moderation-hide = Hide
moderation-reply = Your answer (shown under it)
moderation-save-reply = Save the answer
moderation-error-state = Choose to publish or to hide.
brand-nav-reviews = Reviews
host-your-tips = Your tips
track-review-items = Review your items
catalog-rating = Rating

## Party album (issue 19)
album-link = The party's album
album-photo-by = Photo by { $name }
album-title = The party's album
album-lead = Photos from the party, for its guests only. The host chooses what is shown.
album-empty = No photo shown yet.
album-mine-waiting = Your photos waiting for the host
album-add = Add your photos
album-photos = Photos
album-photos-hint = JPEG, PNG or WebP, up to 8 MB each, at most 6 at a time.
album-caption = A caption (optional)
album-send = Add to the album
album-host-lead = Your guests' photos wait here until you show them; only the party's guests see the album.
album-state-shown = shown
album-state-hidden = hidden
album-state-pending = waiting for you
album-hide = Hide
album-show = Show
album-error-not-yet = Photos can be added by guests who said yes, once the party has begun.
album-error-caption = Keep the caption to { $max } characters.
album-error-no-photo = Choose at least one photo.
host-album-link = Party album

## Chosen by fans, pre-orders (issue 19)
item-chosen-by-fans = Chosen by fans
vote-fans-chose = The fans chose: { $choice }
vote-brand-will = What the brand will do:
poll-outcome = What you will do with the result
poll-outcome-hint = Voters read it with the result. The item of the winning option gets the "Chosen by fans" mark.
poll-error-outcome = Tell the voters what you will do with their choice.
poll-error-outcome-long = Keep it to { $max } characters.
brand-nav-preorders = Pre-orders
preorder-title = Pre-order it
preorder-lead = Made only if enough fans want it: { $price } each, your card authorised now and charged only if the goal is reached by { $ends }.
preorder-progress = { $units } of { $goal } pre-ordered
preorder-funded-note = The goal is reached: it will be made.
preorder-quantity = How many
preorder-start = Pre-order
preorder-page-title = Your pre-order
preorder-state-new = Authorise { $amount } on your card to confirm your pre-order. Nothing is charged unless the goal is reached.
preorder-state-authorised = Your card is authorised for { $amount }, not charged. If { $goal } are pre-ordered by { $ends }, it is charged and the item is made; if not, nothing is charged.
preorder-state-captured = The goal was reached: your card was charged { $amount } and your item is being made.
preorder-state-released = The campaign did not reach its goal: nothing was charged.
preorder-state-abandoned = This pre-order was not confirmed before the campaign ended: nothing was charged.
preorder-card-title = Your card
preorder-card-text = { $amount } will be authorised, not charged.
preorder-authorise = Authorise { $amount }
preorder-error-quantity = Choose from 1 to 5.
preorder-error-ended = The campaign has ended: this pre-order can no longer be confirmed.
preorder-mail-authorised-subject = Your pre-order of { $item }
preorder-mail-authorised = Your pre-order of { $item } is registered: { $amount } is authorised on your card, not charged. When { $goal } are pre-ordered it is charged and the item is made; if the goal is not reached in time, nothing is charged. Follow it here:
preorder-mail-captured-subject = { $item } will be made
preorder-mail-captured = Good news: enough fans pre-ordered { $item }. Your card was charged { $amount } and your item is going into production. Follow its making here:
preorder-mail-released-subject = { $item } will not be made this time
preorder-mail-released = The pre-order campaign for { $item } did not reach its goal. Your card was not charged: the authorisation is released.
campaign-page-title = Pre-order campaigns
campaign-lead = Open a campaign on an item: guests pre-order from their link with their card authorised, not charged. Reaching the goal charges every card and puts the item into production; ending short releases them all. A card authorisation lasts { $days } days: a campaign ends within.
campaign-none = No campaign yet.
campaign-new = Open a campaign
campaign-item = Item
campaign-goal = Goal (units)
campaign-ends = Last day
campaign-open = Open the campaign
campaign-state-open = Open
campaign-state-funded = Funded: in production
campaign-state-failed = Goal not reached: cards released
campaign-error-item = Choose the item.
campaign-error-goal = Give a goal from 1 to 10,000 units.
campaign-error-ends = Choose a last day from today to { $days } days ahead (card authorisations last { $days } days).
campaign-error-open-already = This item already has an open campaign.

## The making of an order (issue 19)
brand-nav-making = Making of
making-title = The making of your items
making-photo-alt = The making of { $item }
making-page-title = The making of
making-lead = Tell buyers how their items are being made: each update shows on their order's page, in order, and they get one mail a day at most with what is new.
making-new = Post an update
making-item = Item
making-body = The update
making-photo = A photo (optional)
making-post = Post the update
making-none = No update yet.
making-read =
    { $readers ->
        [one] read by { $read } of its { $readers } buyer
       *[other] read by { $read } of its { $readers } buyers
    }
making-error-item = Choose the item.
making-error-body = Write the update.
making-mail-subject = News from the making of your order
making-mail-intro = Here is how your items are coming along:
making-batch = Or a production batch
making-batch-hint = A batch is a funded pre-order campaign: its update reaches that campaign's buyers only.
making-all-buyers = Every buyer of the item
making-batch-name = { $item }: pre-orders funded on { $date }
catalog-no-rating = No rating yet
album-who-adds = Guests who said yes add their photos here once the party has begun.
track-prize-credit = Prize credit
order-note-paid-by-credit = Paid with your prize credit.
mail-order-credit = Prize credit: −{ $amount }
cart-prize-credit = Your prize credit
cart-prize-credit-hint = Your prize credit is taken off the total below, up to the order's amount; what is left stays yours for a later order.
draw-error-credit = Give an amount of credit between 0.01 and { $most }, for example 20 or 19.50.
draw-prize-credit = { $amount } of credit
draw-mail-body-credit = You won the prize drawing at "{ $party }": { $prize }. It is taken off your next orders with this brand placed from your invitation link, up to its amount.
draw-kind = Kind of prize
draw-kind-item = An item, delivered with the party's orders
draw-kind-credit = Credit on the winner's next orders
draw-credit = Credit to win
draw-credit-hint = For credit only: an amount in the brand's currency, for example 20 or 19.50.
