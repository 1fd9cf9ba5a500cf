//! The Stripe client against localstripe, a fake Stripe that speaks
//! Stripe's API: payments with Stripe's test cards, authentication, a
//! refund, a cancellation, an unreachable service, and a webhook that
//! localstripe signs and `base::stripe::verify` accepts.

use std::sync::{Arc, Mutex};

use app::base::stripe::{verify, Stripe, StripeError};

use crate::helpers::{eventually, free_port, LocalStripe, SECRET_KEY};

#[tokio::test]
async fn a_card_pays_is_refunded_and_stripe_messages_come_through() {
    let Some(fake) = LocalStripe::start().await else {
        return;
    };
    let stripe = Stripe::new(&fake.base, SECRET_KEY);

    // An order's intent, paid with Stripe's test card.
    let intent = stripe
        .create_intent(2500, "EUR", "ORDER-1", "order-1-key")
        .await
        .unwrap();
    assert_eq!(intent.status, "requires_payment_method");
    assert_eq!((intent.amount, intent.currency.as_str()), (2500, "eur"));
    assert_eq!(intent.metadata["order"], "ORDER-1");
    let token = fake.card_token("4242424242424242").await;
    let (customer, card) = stripe
        .customer_with_card(&token, "ana@example.com", "order-1-card-1")
        .await
        .unwrap();
    let paid = stripe.pay_with(&intent.id, &customer, &card).await.unwrap();
    assert!(paid.succeeded(), "{paid:?}");
    assert!(stripe
        .retrieve_intent(&intent.id)
        .await
        .unwrap()
        .succeeded());
    let refund = stripe
        .refund(&intent.id, None, "order-1-refund")
        .await
        .unwrap();
    assert_eq!((refund.amount, refund.status.as_str()), (2500, "succeeded"));

    // A declined card: Stripe's message, for the payer.
    let token = fake.card_token("4000000000000002").await;
    match stripe
        .customer_with_card(&token, "ben@example.com", "order-2-card-1")
        .await
    {
        Err(StripeError::Card { code, message }) => {
            assert_eq!(code, "card_declined");
            assert_eq!(message, "Your card was declined.");
        }
        other => panic!("a declined card: {other:?}"),
    }

    // A card that asks for authentication: the page finishes it.
    let intent = stripe
        .create_intent(1800, "eur", "ORDER-3", "order-3-key")
        .await
        .unwrap();
    let token = fake.card_token("4000002500003155").await;
    let (customer, card) = stripe
        .customer_with_card(&token, "chloe@example.com", "order-3-card-1")
        .await
        .unwrap();
    let waiting = stripe.pay_with(&intent.id, &customer, &card).await.unwrap();
    assert!(waiting.needs_action(), "{waiting:?}");
    fake.authenticate(&waiting.client_secret, true).await;
    assert!(stripe
        .retrieve_intent(&intent.id)
        .await
        .unwrap()
        .succeeded());

    // An intent nobody paid is cancelled.
    let unpaid = stripe
        .create_intent(900, "eur", "ORDER-4", "order-4-key")
        .await
        .unwrap();
    assert_eq!(
        stripe.cancel_intent(&unpaid.id).await.unwrap().status,
        "canceled"
    );

    // A wrong key is refused; a service that is not there says so.
    let wrong = Stripe::new(&fake.base, "not-a-key");
    assert!(matches!(
        wrong.retrieve_intent(&unpaid.id).await,
        Err(StripeError::Refused { status: 401, .. })
    ));
    let away = Stripe::new(&format!("http://127.0.0.1:{}", free_port()), SECRET_KEY);
    assert!(matches!(
        away.retrieve_intent("pi_x").await,
        Err(StripeError::Unreachable(_))
    ));
}

/// A webhook as received: its `Stripe-Signature` and its body.
type Delivery = (String, Vec<u8>);

#[tokio::test]
async fn localstripe_signs_its_webhooks_as_verify_expects() {
    let Some(fake) = LocalStripe::start().await else {
        return;
    };
    // A listener that keeps what it receives.
    let received: Arc<Mutex<Vec<Delivery>>> = Arc::default();
    let keep = received.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(
            move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let keep = keep.clone();
                async move {
                    let signature = headers
                        .get("stripe-signature")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    keep.lock().unwrap().push((signature, body.to_vec()));
                    "ok"
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    fake.send_webhooks_to(&format!("http://127.0.0.1:{port}/hook"), "whsec_soiree")
        .await;

    let stripe = Stripe::new(&fake.base, SECRET_KEY);
    let intent = stripe
        .create_intent(2500, "eur", "ORDER-9", "order-9-key")
        .await
        .unwrap();
    let token = fake.card_token("4242424242424242").await;
    let (customer, card) = stripe
        .customer_with_card(&token, "dan@example.com", "order-9-card-1")
        .await
        .unwrap();
    stripe.pay_with(&intent.id, &customer, &card).await.unwrap();

    let succeeded = || {
        received.lock().unwrap().iter().find_map(|(sig, body)| {
            let event: serde_json::Value = serde_json::from_slice(body).ok()?;
            (event["type"] == "payment_intent.succeeded")
                .then(|| (sig.clone(), body.clone(), event))
        })
    };
    eventually(15, "payment_intent.succeeded to arrive", || {
        let found = succeeded().is_some();
        async move { found }
    })
    .await;
    let (signature, body, event) = succeeded().unwrap();
    assert_eq!(event["data"]["object"]["id"], intent.id.as_str());
    assert_eq!(event["data"]["object"]["metadata"]["order"], "ORDER-9");
    let now = chrono::Utc::now();
    assert_eq!(verify(&signature, &body, "whsec_soiree", now), Ok(()));
    assert!(verify(&signature, &body, "whsec_other", now).is_err());
    assert!(verify(
        &signature,
        &body,
        "whsec_soiree",
        now + chrono::Duration::minutes(6)
    )
    .is_err());
}
