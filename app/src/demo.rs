//! The demo brand, its people and its catalog, loaded by `soiree seed-demo`.

use chrono::{DateTime, Utc};

use crate::{
    accounts::ssr::INSERT_USER_SQL,
    base::{
        account::{EmailAddress, NewPassword, Role},
        auth::ssr::hash_password_blocking,
        db::{Db, Tx},
        error::AppError,
    },
    on_db, on_tx,
};

/// The demo brand's slug; its presence means the demo is loaded.
pub const DEMO_BRAND_SLUG: &str = "atelier-lumen";

/// A demo account and its password (printed by `make run`).
#[derive(Debug, Clone, Copy)]
pub struct DemoLogin {
    pub role: Role,
    pub name: &'static str,
    pub email: &'static str,
    pub password: &'static str,
}

/// The demo accounts.
pub const DEMO_LOGINS: [DemoLogin; 3] = [
    DemoLogin {
        role: Role::BrandAdmin,
        name: "Léa Moreau",
        email: "admin@atelier-lumen.example",
        password: "lumen-admin-2026",
    },
    DemoLogin {
        role: Role::Host,
        name: "Camille Martin",
        email: "camille@atelier-lumen.example",
        password: "lumen-host-2026",
    },
    DemoLogin {
        role: Role::Host,
        name: "Hugo Bernard",
        email: "hugo@atelier-lumen.example",
        password: "lumen-host-2026",
    },
];

/// (sku, name, category, price in cents, stock, description)
const ITEMS: [(&str, &str, &str, i64, i64, &str); 24] = [
    (
        "CAN-FIG-220",
        "Fig Leaf Candle",
        "Candles",
        3200,
        40,
        "Soy and rapeseed wax with green fig, cassis leaf and cedar. 220 g, about 45 hours.",
    ),
    (
        "CAN-AMB-220",
        "Amber Hour Candle",
        "Candles",
        3200,
        35,
        "Warm amber, tonka and a touch of smoked vanilla. Cotton wick, 220 g.",
    ),
    (
        "CAN-LIN-220",
        "Clean Linen Candle",
        "Candles",
        2900,
        50,
        "Fresh cotton, white musk and lily of the valley, for sunny mornings.",
    ),
    (
        "CAN-CED-400",
        "Cedar & Smoke Candle, large",
        "Candles",
        5400,
        12,
        "Two wicks, 400 g of plant wax, Atlas cedar and birch smoke. About 80 hours.",
    ),
    (
        "CAN-ORA-120",
        "Orange Blossom Travel Candle",
        "Candles",
        1600,
        80,
        "A tin to take along: Tunisian orange blossom and neroli. 120 g.",
    ),
    (
        "CAN-TOM-220",
        "Tomato Leaf Candle",
        "Candles",
        3200,
        4,
        "The green smell of a kitchen garden in July. Limited run.",
    ),
    (
        "DIF-SEA-100",
        "Sea Salt Reed Diffuser",
        "Diffusers",
        3800,
        30,
        "Sea spray, driftwood and sage. Rattan reeds included, lasts about 10 weeks.",
    ),
    (
        "DIF-TEA-100",
        "White Tea Reed Diffuser",
        "Diffusers",
        3800,
        25,
        "White tea, bergamot and ginger, quiet and bright.",
    ),
    (
        "DIF-LAV-250",
        "Lavender Field Diffuser, large",
        "Diffusers",
        6200,
        10,
        "Provence lavender and clary sage in a 250 ml amber bottle.",
    ),
    (
        "DIF-REF-500",
        "Diffuser Refill, 500 ml",
        "Diffusers",
        4400,
        20,
        "Refill for any of our diffusers; choose the scent at the party.",
    ),
    (
        "MIS-ROS-100",
        "Rose Room Mist",
        "Diffusers",
        2200,
        45,
        "Damask rose and pink pepper, sprayed on linen or in the air.",
    ),
    (
        "MIS-PIL-050",
        "Pillow Mist, Sleep",
        "Diffusers",
        1800,
        60,
        "Lavender, chamomile and vetiver for the pillow, 50 ml.",
    ),
    (
        "CER-CUP-01",
        "Stoneware Candle Cup",
        "Ceramics",
        2600,
        18,
        "Hand-thrown in Burgundy; refill it with our candle refills or use it as a cup.",
    ),
    (
        "CER-TRY-01",
        "Matches Tray",
        "Ceramics",
        1900,
        22,
        "A small glazed tray with a striker, for the matches beside your candle.",
    ),
    (
        "CER-VAS-S",
        "Speckled Bud Vase",
        "Ceramics",
        2400,
        15,
        "Speckled sand glaze, 12 cm, for one stem or a few dried grasses.",
    ),
    (
        "CER-BWL-M",
        "Incense Bowl",
        "Ceramics",
        2100,
        3,
        "A bowl of fine sand and a ceramic holder for our incense sticks.",
    ),
    (
        "INC-OUD-30",
        "Oud & Myrrh Incense, 30 sticks",
        "Ceramics",
        1400,
        70,
        "Hand-rolled sticks, natural resins, about 40 minutes each.",
    ),
    (
        "LIN-TEA-NAT",
        "Washed Linen Tea Towel",
        "Home linen",
        1800,
        40,
        "European flax, stone washed, 50 × 70 cm. Gets softer with every wash.",
    ),
    (
        "LIN-NAP-SET4",
        "Linen Napkins, set of 4",
        "Home linen",
        3600,
        24,
        "Natural and ochre stripes, 45 × 45 cm, for long dinners.",
    ),
    (
        "LIN-TBL-160",
        "Linen Tablecloth, 160 × 250",
        "Home linen",
        8900,
        8,
        "Heavy washed linen in clay, made in Portugal.",
    ),
    (
        "LIN-CUS-SAG",
        "Sage Cushion Cover",
        "Home linen",
        3400,
        0,
        "Linen and cotton, 45 × 45 cm, hidden zip. Back soon.",
    ),
    (
        "LIN-THR-WOL",
        "Wool Throw, Oat",
        "Home linen",
        11900,
        6,
        "Lambswool woven in the Vosges, 130 × 180 cm.",
    ),
    (
        "GFT-BOX-DIS",
        "Discovery Box",
        "Gift sets",
        4900,
        30,
        "Three travel candles and a matches tray: the best way to start.",
    ),
    (
        "GFT-BOX-EVE",
        "Evening Ritual Box",
        "Gift sets",
        7900,
        14,
        "Amber Hour candle, pillow mist and incense bowl, in a linen wrap.",
    ),
];

/// More of the collection: (sku, name, category, price in cents, stock, description).
const MORE_ITEMS: [(&str, &str, &str, i64, i64, &str); 20] = [
    (
        "CAN-PIN-220",
        "Pine Needle Candle",
        "Candles",
        3200,
        30,
        "Resinous pine, juniper berry and cold air.",
    ),
    (
        "CAN-VET-220",
        "Vetiver Dusk Candle",
        "Candles",
        3400,
        22,
        "Smoky vetiver, grapefruit peel and pink pepper.",
    ),
    (
        "CAN-HON-120",
        "Beeswax Honey Travel Candle",
        "Candles",
        1800,
        3,
        "Pure beeswax from a Drôme apiary, 120 g.",
    ),
    (
        "CAN-TRI-SET",
        "Trio of Votives",
        "Candles",
        3900,
        18,
        "Fig, Amber and Linen in three small glasses.",
    ),
    (
        "DIF-CIT-100",
        "Citrus Grove Diffuser",
        "Diffusers",
        3800,
        26,
        "Bergamot, lemon leaf and petitgrain.",
    ),
    (
        "DIF-WOO-100",
        "Wood Smoke Diffuser",
        "Diffusers",
        3900,
        0,
        "Cedar, birch tar and a little leather.",
    ),
    (
        "MIS-LIN-100",
        "Linen Spray",
        "Mists",
        1900,
        40,
        "For sheets and curtains: clean cotton and iris.",
    ),
    (
        "CER-MUG-GR",
        "Stoneware Mug, green",
        "Ceramics",
        2600,
        24,
        "Thrown by hand, 300 ml, celadon glaze.",
    ),
    (
        "CER-MUG-SA",
        "Stoneware Mug, sand",
        "Ceramics",
        2600,
        20,
        "Thrown by hand, 300 ml, speckled sand glaze.",
    ),
    (
        "CER-PLT-22",
        "Side Plate",
        "Ceramics",
        2200,
        30,
        "22 cm, raw rim, dishwasher safe.",
    ),
    (
        "CER-HLD-01",
        "Incense Holder",
        "Ceramics",
        1500,
        45,
        "A pebble of stoneware for sticks and cones.",
    ),
    (
        "INC-CED-30",
        "Cedar Incense Sticks",
        "Incense",
        1200,
        60,
        "30 sticks of Atlas cedar, hand-rolled.",
    ),
    (
        "INC-LAV-30",
        "Lavender Incense Sticks",
        "Incense",
        1200,
        55,
        "30 sticks, Provence lavender and a touch of clary sage.",
    ),
    (
        "LIN-APR-NAT",
        "Linen Apron",
        "Linen",
        4800,
        16,
        "Cross-back apron with two deep pockets.",
    ),
    (
        "LIN-BAG-NAT",
        "Linen Market Bag",
        "Linen",
        2900,
        35,
        "Long handles, folds into its pocket.",
    ),
    (
        "LIN-RUN-200",
        "Table Runner",
        "Linen",
        3900,
        12,
        "200 × 40 cm, stonewashed, fringed ends.",
    ),
    (
        "LIN-PIL-SAG",
        "Pillowcases, sage (pair)",
        "Linen",
        5900,
        10,
        "Stonewashed linen, 50 × 75 cm, envelope closure.",
    ),
    (
        "SOA-OLV-100",
        "Olive Oil Soap",
        "Soap",
        900,
        80,
        "Cold-process soap, unscented, 100 g.",
    ),
    (
        "SOA-FIG-100",
        "Fig Leaf Soap",
        "Soap",
        1100,
        70,
        "Cold-process soap with the Fig Leaf scent.",
    ),
    (
        "GFT-CRD-25",
        "Gift Card €25",
        "Gifts",
        2500,
        500,
        "A card to choose later, valid one year.",
    ),
];

/// Transparency labels: (sku, composition, country, recycled %, care, story).
type LabelRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    &'static str,
    &'static str,
);
const LABELS: [LabelRow; 6] = [
    (
        "LIN-TEA-NAT",
        "100% linen",
        "Portugal",
        None,
        "Wash at 40 °C, line dry.",
        "Flax grown in Normandy, woven and sewn in a family mill near Guimarães.",
    ),
    (
        "LIN-NAP-SET4",
        "100% linen",
        "Portugal",
        None,
        "Wash at 40 °C, iron damp.",
        "Cut from the offcuts of our tablecloths: nothing is thrown away.",
    ),
    (
        "LIN-CUS-SAG",
        "60% organic cotton, 40% recycled polyester",
        "France",
        Some(40),
        "Remove the cover, wash at 30 °C.",
        "Filled with recycled fibre; the cover is dyed with plant dyes in the Vosges.",
    ),
    (
        "LIN-APR-NAT",
        "100% linen",
        "Portugal",
        None,
        "Wash at 40 °C.",
        "Stitched by the same workshop as our tea towels.",
    ),
    (
        "CAN-FIG-220",
        "70% rapeseed wax, 30% soy wax",
        "France",
        Some(0),
        "Trim the wick to 5 mm before each use.",
        "Poured by hand in our Lyon workshop, in glasses we take back for refill.",
    ),
    (
        "LIN-BAG-NAT",
        "80% linen, 20% recycled cotton",
        "Lithuania",
        Some(20),
        "Wash at 30 °C.",
        "Woven from the end-of-roll linen of a Lithuanian mill.",
    ),
];

/// Kits sent to hosts: (name, description, SKUs).
const KITS: [(&str, &str, &[&str]); 2] = [
    (
        "Autumn evenings kit",
        "The scents and linen of the season: what to light, smell and touch at your party.",
        &[
            "CAN-FIG-220",
            "CAN-AMB-220",
            "CAN-CED-400",
            "CAN-PIN-220",
            "DIF-SEA-100",
            "DIF-TEA-100",
            "MIS-PIL-050",
            "CER-MUG-GR",
            "LIN-TEA-NAT",
            "LIN-NAP-SET4",
            "LIN-CUS-SAG",
            "GFT-BOX-EVE",
        ],
    ),
    (
        "Starter kit",
        "Six best sellers for a first party.",
        &[
            "CAN-FIG-220",
            "CAN-LIN-220",
            "DIF-SEA-100",
            "CER-CUP-01",
            "LIN-TEA-NAT",
            "SOA-FIG-100",
        ],
    ),
];

/// What `seed_demo` did.
#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Loaded,
    AlreadyLoaded,
}

/// Loads the demo brand, its admin, two hosts and its catalog, once. Either
/// everything is written or nothing.
pub async fn seed_demo(db: &Db, now: DateTime<Utc>) -> Result<SeedOutcome, AppError> {
    let exists: Option<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT id FROM brands WHERE slug = $1")
            .bind(DEMO_BRAND_SLUG)
            .fetch_optional(pool)
            .await
    })?;
    if exists.is_some() {
        return Ok(SeedOutcome::AlreadyLoaded);
    }

    let mut users = Vec::new();
    for login in DEMO_LOGINS {
        let email = EmailAddress::parse(login.email, "email")?;
        let password = NewPassword::parse(login.password, "password")?;
        users.push((login, email, hash_password_blocking(&password).await?));
    }

    let mut tx = db.begin().await?;
    let brand_id = insert_brand_and_users(&mut tx, &users, now).await?;
    insert_catalog(&mut tx, brand_id, now).await?;
    insert_kits_and_poll(&mut tx, brand_id, now).await?;
    tx.commit().await?;
    Ok(SeedOutcome::Loaded)
}

/// The demo brand and its accounts; returns the brand's id.
async fn insert_brand_and_users(
    tx: &mut Tx,
    users: &[(DemoLogin, EmailAddress, String)],
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    Ok(on_tx!(tx, |c| {
        let brand_id: i64 = sqlx::query_scalar(
            "INSERT INTO brands (slug, name, tagline, primary_color, accent_color, currency, time_zone, created_at)
             VALUES ($1, $2, $3, $4, $5, 'EUR', 'Europe/Paris', $6) RETURNING id",
        )
        .bind(DEMO_BRAND_SLUG)
        .bind("Atelier Lumen")
        .bind("Candles, scents and linen made slowly in France, shared at home with friends.")
        .bind("#7a2e3b")
        .bind("#f6ece4")
        .bind(now)
        .fetch_one(&mut *c)
        .await?;
        for (login, email, hash) in users {
            sqlx::query(INSERT_USER_SQL)
                .bind(brand_id)
                .bind(email.as_str())
                .bind(login.name)
                .bind(login.role.as_db())
                .bind(hash)
                .bind(now)
                .execute(&mut *c)
                .await?;
        }
        brand_id
    }))
}

/// The demo catalog: items and their transparency labels.
async fn insert_catalog(tx: &mut Tx, brand_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        for (sku, name, category, price, stock, description) in ITEMS.into_iter().chain(MORE_ITEMS)
        {
            sqlx::query(
                "INSERT INTO items (brand_id, sku, name, description, category, price_cents, vat_rate_bp, stock, active, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 2000, $7, TRUE, $8)",
            )
            .bind(brand_id)
            .bind(sku)
            .bind(name)
            .bind(description)
            .bind(category)
            .bind(price)
            .bind(stock)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        for (sku, composition, country, recycled, care, story) in LABELS {
            sqlx::query(
                "UPDATE items SET label_composition = $1, label_country = $2, label_recycled_pct = $3,
                 label_care = $4, label_story = $5 WHERE brand_id = $6 AND sku = $7",
            )
            .bind(composition)
            .bind(country)
            .bind(recycled)
            .bind(care)
            .bind(story)
            .bind(brand_id)
            .bind(sku)
            .execute(&mut *c)
            .await?;
        }
    });
    Ok(())
}

/// The demo kits and the open poll.
async fn insert_kits_and_poll(
    tx: &mut Tx,
    brand_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        for (name, description, skus) in KITS {
            let kit: i64 = sqlx::query_scalar(
                "INSERT INTO kits (brand_id, name, description, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .bind(brand_id)
            .bind(name)
            .bind(description)
            .bind(now)
            .fetch_one(&mut *c)
            .await?;
            for (position, sku) in skus.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO kit_items (kit_id, item_id, position)
                     SELECT $1, id, $2 FROM items WHERE brand_id = $3 AND sku = $4",
                )
                .bind(kit)
                .bind(position as i64 + 1)
                .bind(brand_id)
                .bind(sku)
                .execute(&mut *c)
                .await?;
            }
        }
        let poll: i64 = sqlx::query_scalar(
            "INSERT INTO polls (brand_id, question, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(brand_id)
        .bind("Which scent should we make next for winter?")
        .bind(now)
        .fetch_one(&mut *c)
        .await?;
        for (position, label) in [
            "Spiced orange",
            "Snowy fir",
            "Hot chocolate",
            "Frankincense",
        ]
        .into_iter()
        .enumerate()
        {
            sqlx::query("INSERT INTO poll_options (poll_id, position, label) VALUES ($1, $2, $3)")
                .bind(poll)
                .bind(position as i64 + 1)
                .bind(label)
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

/// The demo's history: six more hosts with forty past parties over four
/// months, and two fans waiting for an answer to their application, so the
/// dashboard and the host program have something to show. Loaded once,
/// with the demo; the two demo hosts keep a clean slate.
pub async fn seed_history(db: &Db, now: DateTime<Utc>) -> Result<bool, AppError> {
    let Some(brand_id) = demo_brand(db).await? else {
        return Ok(false);
    };
    let loaded: i64 = on_db!(db.reader(), |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE email LIKE '%@hosts.atelier-lumen.example'",
        )
        .fetch_one(pool)
        .await
    })?;
    if loaded > 0 {
        return Ok(false);
    }
    let password = NewPassword::parse(DEMO_LOGINS[1].password, "password")?;
    let spec = crate::history::Spec {
        hosts: crate::history::host_names(6, "host", "hosts.atelier-lumen.example"),
        password_hash: hash_password_blocking(&password).await?,
        events: 40,
        guests_per_event: 8,
        orders_per_event: 6,
        days: 120,
        seed: 2026,
    };
    crate::history::write(db, brand_id, &spec, now).await?;
    for (name, email, city, why) in [
        ("Nora Benali", "nora@fans.example", "Marseille", "Your fig candle is on my table every evening; my friends always ask where it comes from."),
        ("Pierre Lucas", "pierre@fans.example", "Rennes", "I host a book club every month and your linen would make it even cosier."),
    ] {
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "INSERT INTO host_applications (brand_id, name, email, city, motivation, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(brand_id)
            .bind(name)
            .bind(email)
            .bind(city)
            .bind(why)
            .bind(now - chrono::Duration::days(2))
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(true)
}

/// The demo brand's id, once loaded.
pub async fn demo_brand(db: &Db) -> Result<Option<i64>, AppError> {
    Ok(on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT id FROM brands WHERE slug = $1")
            .bind(DEMO_BRAND_SLUG)
            .fetch_optional(pool)
            .await
    })?)
}
