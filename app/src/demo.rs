//! The demo brand, its people and its catalog, loaded by `soiree seed-demo`.
//!
//! Every text a reader sees is written in French and in English: the demo
//! is loaded in one of them as the brand's language (its items', kits' and
//! poll's own columns, their categories, the brand's tagline), with the
//! other as translations, so the footer's language switch shows both.

use chrono::{DateTime, Utc};

use crate::{
    accounts::ssr::INSERT_USER_SQL,
    base::{
        account::{EmailAddress, NewPassword, Role},
        auth::ssr::hash_password_blocking,
        content::{self, translation_language, Kind, Texts},
        db::{Db, Tx},
        error::AppError,
        l10n::Lang,
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

/// A demo text in French and in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Text {
    fr: &'static str,
    en: &'static str,
}

impl Text {
    /// The text in `lang`.
    fn of(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// A text: French first, then English.
const fn t(fr: &'static str, en: &'static str) -> Text {
    Text { fr, en }
}

const TAGLINE: Text = t(
    "Bougies, parfums d’intérieur et linge de maison fabriqués sans hâte en France, à partager chez soi entre amis.",
    "Candles, scents and linen made slowly in France, shared at home with friends.",
);

// The categories, written in the brand's language (they have no translation).
const CANDLES: Text = t("Bougies", "Candles");
const DIFFUSERS: Text = t("Diffuseurs", "Diffusers");
const CERAMICS: Text = t("Céramique", "Ceramics");
const HOME_LINEN: Text = t("Linge de maison", "Home linen");
const GIFT_SETS: Text = t("Coffrets", "Gift sets");
const MISTS: Text = t("Brumes", "Mists");
const INCENSE: Text = t("Encens", "Incense");
const LINEN: Text = t("Lin", "Linen");
const SOAP: Text = t("Savons", "Soap");
const GIFTS: Text = t("Cadeaux", "Gifts");

/// (sku, name, category, price in cents, stock, description)
type ItemRow = (&'static str, Text, Text, i64, i64, Text);

const ITEMS: [ItemRow; 24] = [
    (
        "CAN-FIG-220",
        t("Bougie Feuille de figuier", "Fig Leaf Candle"),
        CANDLES,
        3200,
        40,
        t(
            "Cire de soja et de colza, figue verte, feuille de cassis et cèdre. 220 g, 45 heures environ.",
            "Soy and rapeseed wax with green fig, cassis leaf and cedar. 220 g, about 45 hours.",
        ),
    ),
    (
        "CAN-AMB-220",
        t("Bougie L’Heure ambrée", "Amber Hour Candle"),
        CANDLES,
        3200,
        35,
        t(
            "Ambre chaud, fève tonka et une touche de vanille fumée. Mèche en coton, 220 g.",
            "Warm amber, tonka and a touch of smoked vanilla. Cotton wick, 220 g.",
        ),
    ),
    (
        "CAN-LIN-220",
        t("Bougie Linge frais", "Clean Linen Candle"),
        CANDLES,
        2900,
        50,
        t(
            "Coton frais, musc blanc et muguet, pour les matins ensoleillés.",
            "Fresh cotton, white musk and lily of the valley, for sunny mornings.",
        ),
    ),
    (
        "CAN-CED-400",
        t("Bougie Cèdre et fumée, grand modèle", "Cedar & Smoke Candle, large"),
        CANDLES,
        5400,
        12,
        t(
            "Deux mèches, 400 g de cire végétale, cèdre de l’Atlas et fumée de bouleau. 80 heures environ.",
            "Two wicks, 400 g of plant wax, Atlas cedar and birch smoke. About 80 hours.",
        ),
    ),
    (
        "CAN-ORA-120",
        t("Bougie de voyage Fleur d’oranger", "Orange Blossom Travel Candle"),
        CANDLES,
        1600,
        80,
        t(
            "Une boîte en métal à emporter partout : fleur d’oranger de Tunisie et néroli. 120 g.",
            "A tin to take along: Tunisian orange blossom and neroli. 120 g.",
        ),
    ),
    (
        "CAN-TOM-220",
        t("Bougie Feuille de tomate", "Tomato Leaf Candle"),
        CANDLES,
        3200,
        4,
        t(
            "L’odeur verte du potager en juillet. Édition limitée.",
            "The green smell of a kitchen garden in July. Limited run.",
        ),
    ),
    (
        "DIF-SEA-100",
        t("Diffuseur Sel marin", "Sea Salt Reed Diffuser"),
        DIFFUSERS,
        3800,
        30,
        t(
            "Embruns, bois flotté et sauge. Bâtonnets en rotin fournis, tient 10 semaines environ.",
            "Sea spray, driftwood and sage. Rattan reeds included, lasts about 10 weeks.",
        ),
    ),
    (
        "DIF-TEA-100",
        t("Diffuseur Thé blanc", "White Tea Reed Diffuser"),
        DIFFUSERS,
        3800,
        25,
        t(
            "Thé blanc, bergamote et gingembre, doux et lumineux.",
            "White tea, bergamot and ginger, quiet and bright.",
        ),
    ),
    (
        "DIF-LAV-250",
        t("Diffuseur Champ de lavande, grand modèle", "Lavender Field Diffuser, large"),
        DIFFUSERS,
        6200,
        10,
        t(
            "Lavande de Provence et sauge sclarée, dans un flacon ambré de 250 ml.",
            "Provence lavender and clary sage in a 250 ml amber bottle.",
        ),
    ),
    (
        "DIF-REF-500",
        t("Recharge pour diffuseur, 500 ml", "Diffuser Refill, 500 ml"),
        DIFFUSERS,
        4400,
        20,
        t(
            "Pour tous nos diffuseurs ; le parfum se choisit pendant la soirée.",
            "Refill for any of our diffusers; choose the scent at the party.",
        ),
    ),
    (
        "MIS-ROS-100",
        t("Brume d’intérieur Rose", "Rose Room Mist"),
        DIFFUSERS,
        2200,
        45,
        t(
            "Rose de Damas et baies roses, à vaporiser sur le linge ou dans l’air.",
            "Damask rose and pink pepper, sprayed on linen or in the air.",
        ),
    ),
    (
        "MIS-PIL-050",
        t("Brume d’oreiller Sommeil", "Pillow Mist, Sleep"),
        DIFFUSERS,
        1800,
        60,
        t(
            "Lavande, camomille et vétiver pour l’oreiller, 50 ml.",
            "Lavender, chamomile and vetiver for the pillow, 50 ml.",
        ),
    ),
    (
        "CER-CUP-01",
        t("Pot à bougie en grès", "Stoneware Candle Cup"),
        CERAMICS,
        2600,
        18,
        t(
            "Tourné à la main en Bourgogne ; remplissez-le avec nos recharges de bougie ou faites-en une tasse.",
            "Hand-thrown in Burgundy; refill it with our candle refills or use it as a cup.",
        ),
    ),
    (
        "CER-TRY-01",
        t("Plateau à allumettes", "Matches Tray"),
        CERAMICS,
        1900,
        22,
        t(
            "Un petit plateau émaillé avec son grattoir, pour les allumettes à côté de votre bougie.",
            "A small glazed tray with a striker, for the matches beside your candle.",
        ),
    ),
    (
        "CER-VAS-S",
        t("Soliflore moucheté", "Speckled Bud Vase"),
        CERAMICS,
        2400,
        15,
        t(
            "Émail sable moucheté, 12 cm, pour une seule tige ou quelques herbes séchées.",
            "Speckled sand glaze, 12 cm, for one stem or a few dried grasses.",
        ),
    ),
    (
        "CER-BWL-M",
        t("Bol à encens", "Incense Bowl"),
        CERAMICS,
        2100,
        3,
        t(
            "Un bol de sable fin et un support en céramique pour nos bâtons d’encens.",
            "A bowl of fine sand and a ceramic holder for our incense sticks.",
        ),
    ),
    (
        "INC-OUD-30",
        t("Encens Oud et myrrhe, 30 bâtons", "Oud & Myrrh Incense, 30 sticks"),
        CERAMICS,
        1400,
        70,
        t(
            "Bâtons roulés à la main, résines naturelles, 40 minutes environ chacun.",
            "Hand-rolled sticks, natural resins, about 40 minutes each.",
        ),
    ),
    (
        "LIN-TEA-NAT",
        t("Torchon en lin lavé", "Washed Linen Tea Towel"),
        HOME_LINEN,
        1800,
        40,
        t(
            "Lin européen lavé à la pierre, 50 × 70 cm. Plus doux à chaque lavage.",
            "European flax, stone washed, 50 × 70 cm. Gets softer with every wash.",
        ),
    ),
    (
        "LIN-NAP-SET4",
        t("Serviettes en lin, lot de 4", "Linen Napkins, set of 4"),
        HOME_LINEN,
        3600,
        24,
        t(
            "Rayures naturel et ocre, 45 × 45 cm, pour les dîners qui s’éternisent.",
            "Natural and ochre stripes, 45 × 45 cm, for long dinners.",
        ),
    ),
    (
        "LIN-TBL-160",
        t("Nappe en lin, 160 × 250", "Linen Tablecloth, 160 × 250"),
        HOME_LINEN,
        8900,
        8,
        t(
            "Lin lavé épais couleur argile, fabriqué au Portugal.",
            "Heavy washed linen in clay, made in Portugal.",
        ),
    ),
    (
        "LIN-CUS-SAG",
        t("Housse de coussin Sauge", "Sage Cushion Cover"),
        HOME_LINEN,
        3400,
        0,
        t(
            "Lin et coton, 45 × 45 cm, fermeture éclair invisible. Bientôt de retour.",
            "Linen and cotton, 45 × 45 cm, hidden zip. Back soon.",
        ),
    ),
    (
        "LIN-THR-WOL",
        t("Plaid en laine, avoine", "Wool Throw, Oat"),
        HOME_LINEN,
        11900,
        6,
        t(
            "Laine d’agneau tissée dans les Vosges, 130 × 180 cm.",
            "Lambswool woven in the Vosges, 130 × 180 cm.",
        ),
    ),
    (
        "GFT-BOX-DIS",
        t("Coffret Découverte", "Discovery Box"),
        GIFT_SETS,
        4900,
        30,
        t(
            "Trois bougies de voyage et un plateau à allumettes : la meilleure façon de commencer.",
            "Three travel candles and a matches tray: the best way to start.",
        ),
    ),
    (
        "GFT-BOX-EVE",
        t("Coffret Rituel du soir", "Evening Ritual Box"),
        GIFT_SETS,
        7900,
        14,
        t(
            "La bougie L’Heure ambrée, la brume d’oreiller et le bol à encens, emballés dans une étoffe de lin.",
            "Amber Hour candle, pillow mist and incense bowl, in a linen wrap.",
        ),
    ),
];

/// More of the collection: (sku, name, category, price in cents, stock, description).
const MORE_ITEMS: [ItemRow; 20] = [
    (
        "CAN-PIN-220",
        t("Bougie Aiguilles de pin", "Pine Needle Candle"),
        CANDLES,
        3200,
        30,
        t(
            "Pin résineux, baie de genévrier et air froid.",
            "Resinous pine, juniper berry and cold air.",
        ),
    ),
    (
        "CAN-VET-220",
        t("Bougie Vétiver crépuscule", "Vetiver Dusk Candle"),
        CANDLES,
        3400,
        22,
        t(
            "Vétiver fumé, zeste de pamplemousse et baies roses.",
            "Smoky vetiver, grapefruit peel and pink pepper.",
        ),
    ),
    (
        "CAN-HON-120",
        t(
            "Bougie de voyage Cire d’abeille et miel",
            "Beeswax Honey Travel Candle",
        ),
        CANDLES,
        1800,
        3,
        t(
            "Cire d’abeille pure d’un rucher de la Drôme, 120 g.",
            "Pure beeswax from a Drôme apiary, 120 g.",
        ),
    ),
    (
        "CAN-TRI-SET",
        t("Trio de bougies votives", "Trio of Votives"),
        CANDLES,
        3900,
        18,
        t(
            "Figuier, Heure ambrée et Linge frais dans trois petits verres.",
            "Fig, Amber and Linen in three small glasses.",
        ),
    ),
    (
        "DIF-CIT-100",
        t("Diffuseur Verger d’agrumes", "Citrus Grove Diffuser"),
        DIFFUSERS,
        3800,
        26,
        t(
            "Bergamote, feuille de citronnier et petit-grain.",
            "Bergamot, lemon leaf and petitgrain.",
        ),
    ),
    (
        "DIF-WOO-100",
        t("Diffuseur Feu de bois", "Wood Smoke Diffuser"),
        DIFFUSERS,
        3900,
        0,
        t(
            "Cèdre, goudron de bouleau et une pointe de cuir.",
            "Cedar, birch tar and a little leather.",
        ),
    ),
    (
        "MIS-LIN-100",
        t("Brume pour le linge", "Linen Spray"),
        MISTS,
        1900,
        40,
        t(
            "Pour les draps et les rideaux : coton frais et iris.",
            "For sheets and curtains: clean cotton and iris.",
        ),
    ),
    (
        "CER-MUG-GR",
        t("Mug en grès, vert", "Stoneware Mug, green"),
        CERAMICS,
        2600,
        24,
        t(
            "Tourné à la main, 300 ml, émail céladon.",
            "Thrown by hand, 300 ml, celadon glaze.",
        ),
    ),
    (
        "CER-MUG-SA",
        t("Mug en grès, sable", "Stoneware Mug, sand"),
        CERAMICS,
        2600,
        20,
        t(
            "Tourné à la main, 300 ml, émail sable moucheté.",
            "Thrown by hand, 300 ml, speckled sand glaze.",
        ),
    ),
    (
        "CER-PLT-22",
        t("Assiette à dessert", "Side Plate"),
        CERAMICS,
        2200,
        30,
        t(
            "22 cm, bord brut, va au lave-vaisselle.",
            "22 cm, raw rim, dishwasher safe.",
        ),
    ),
    (
        "CER-HLD-01",
        t("Porte-encens", "Incense Holder"),
        CERAMICS,
        1500,
        45,
        t(
            "Un galet de grès pour les bâtons et les cônes.",
            "A pebble of stoneware for sticks and cones.",
        ),
    ),
    (
        "INC-CED-30",
        t("Bâtons d’encens Cèdre", "Cedar Incense Sticks"),
        INCENSE,
        1200,
        60,
        t(
            "30 bâtons de cèdre de l’Atlas, roulés à la main.",
            "30 sticks of Atlas cedar, hand-rolled.",
        ),
    ),
    (
        "INC-LAV-30",
        t("Bâtons d’encens Lavande", "Lavender Incense Sticks"),
        INCENSE,
        1200,
        55,
        t(
            "30 bâtons, lavande de Provence et une touche de sauge sclarée.",
            "30 sticks, Provence lavender and a touch of clary sage.",
        ),
    ),
    (
        "LIN-APR-NAT",
        t("Tablier en lin", "Linen Apron"),
        LINEN,
        4800,
        16,
        t(
            "Bretelles croisées dans le dos et deux poches profondes.",
            "Cross-back apron with two deep pockets.",
        ),
    ),
    (
        "LIN-BAG-NAT",
        t("Cabas en lin", "Linen Market Bag"),
        LINEN,
        2900,
        35,
        t(
            "Anses longues, se replie dans sa propre poche.",
            "Long handles, folds into its pocket.",
        ),
    ),
    (
        "LIN-RUN-200",
        t("Chemin de table", "Table Runner"),
        LINEN,
        3900,
        12,
        t(
            "200 × 40 cm, lavé à la pierre, extrémités frangées.",
            "200 × 40 cm, stonewashed, fringed ends.",
        ),
    ),
    (
        "LIN-PIL-SAG",
        t(
            "Taies d’oreiller Sauge (la paire)",
            "Pillowcases, sage (pair)",
        ),
        LINEN,
        5900,
        10,
        t(
            "Lin lavé à la pierre, 50 × 75 cm, fermeture portefeuille.",
            "Stonewashed linen, 50 × 75 cm, envelope closure.",
        ),
    ),
    (
        "SOA-OLV-100",
        t("Savon à l’huile d’olive", "Olive Oil Soap"),
        SOAP,
        900,
        80,
        t(
            "Saponifié à froid, sans parfum, 100 g.",
            "Cold-process soap, unscented, 100 g.",
        ),
    ),
    (
        "SOA-FIG-100",
        t("Savon Feuille de figuier", "Fig Leaf Soap"),
        SOAP,
        1100,
        70,
        t(
            "Saponifié à froid, au parfum Feuille de figuier.",
            "Cold-process soap with the Fig Leaf scent.",
        ),
    ),
    (
        "GFT-CRD-25",
        t("Carte cadeau 25 €", "Gift Card €25"),
        GIFTS,
        2500,
        500,
        t(
            "Une carte pour choisir plus tard, valable un an.",
            "A card to choose later, valid one year.",
        ),
    ),
];

/// Transparency labels: (sku, composition, country, recycled %, care,
/// story). A composition is written as the catalog stores it ("60% organic
/// cotton, 40% recycled polyester"), its parts in the same order in both
/// languages. The country, like the category, has no translation.
type LabelRow = (&'static str, Text, Text, Option<i64>, Text, Text);

const LABELS: [LabelRow; 6] = [
    (
        "LIN-TEA-NAT",
        t("100% lin", "100% linen"),
        t("Portugal", "Portugal"),
        None,
        t("Lavage à 40 °C, séchage sur fil.", "Wash at 40 °C, line dry."),
        t(
            "Lin cultivé en Normandie, tissé et cousu dans une filature familiale près de Guimarães.",
            "Flax grown in Normandy, woven and sewn in a family mill near Guimarães.",
        ),
    ),
    (
        "LIN-NAP-SET4",
        t("100% lin", "100% linen"),
        t("Portugal", "Portugal"),
        None,
        t(
            "Lavage à 40 °C, repassage encore humide.",
            "Wash at 40 °C, iron damp.",
        ),
        t(
            "Taillées dans les chutes de nos nappes : rien ne se perd.",
            "Cut from the offcuts of our tablecloths: nothing is thrown away.",
        ),
    ),
    (
        "LIN-CUS-SAG",
        t(
            "60% coton biologique, 40% polyester recyclé",
            "60% organic cotton, 40% recycled polyester",
        ),
        t("France", "France"),
        Some(40),
        t(
            "Retirer la housse, lavage à 30 °C.",
            "Remove the cover, wash at 30 °C.",
        ),
        t(
            "Garnissage en fibre recyclée ; la housse est teinte avec des colorants végétaux dans les Vosges.",
            "Filled with recycled fibre; the cover is dyed with plant dyes in the Vosges.",
        ),
    ),
    (
        "LIN-APR-NAT",
        t("100% lin", "100% linen"),
        t("Portugal", "Portugal"),
        None,
        t("Lavage à 40 °C.", "Wash at 40 °C."),
        t(
            "Cousu dans l’atelier qui fabrique nos torchons.",
            "Stitched by the same workshop as our tea towels.",
        ),
    ),
    (
        "CAN-FIG-220",
        t(
            "70% cire de colza, 30% cire de soja",
            "70% rapeseed wax, 30% soy wax",
        ),
        t("France", "France"),
        Some(0),
        t(
            "Recouper la mèche à 5 mm avant chaque utilisation.",
            "Trim the wick to 5 mm before each use.",
        ),
        t(
            "Coulée à la main dans notre atelier lyonnais, dans des verres que nous reprenons pour les remplir à nouveau.",
            "Poured by hand in our Lyon workshop, in glasses we take back for refill.",
        ),
    ),
    (
        "LIN-BAG-NAT",
        t(
            "80% lin, 20% coton recyclé",
            "80% linen, 20% recycled cotton",
        ),
        t("Lituanie", "Lithuania"),
        Some(20),
        t("Lavage à 30 °C.", "Wash at 30 °C."),
        t(
            "Tissé dans les fins de rouleaux de lin d’une filature lituanienne.",
            "Woven from the end-of-roll linen of a Lithuanian mill.",
        ),
    ),
];

/// Kits sent to hosts: (name, description, SKUs).
const KITS: [(Text, Text, &[&str]); 2] = [
    (
        t("Kit Soirées d’automne", "Autumn evenings kit"),
        t(
            "Les parfums et le linge de la saison : ce qu’on allume, ce qu’on respire et ce qu’on touche pendant votre soirée.",
            "The scents and linen of the season: what to light, smell and touch at your party.",
        ),
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
        t("Kit de démarrage", "Starter kit"),
        t(
            "Six de nos meilleures ventes pour une première soirée.",
            "Six best sellers for a first party.",
        ),
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

/// The open poll's question and its options.
const POLL_QUESTION: Text = t(
    "Quel parfum devrions-nous créer pour cet hiver ?",
    "Which scent should we make next for winter?",
);
const POLL_OPTIONS: [Text; 4] = [
    t("Orange épicée", "Spiced orange"),
    t("Sapin enneigé", "Snowy fir"),
    t("Chocolat chaud", "Hot chocolate"),
    t("Oliban", "Frankincense"),
];

/// Two fans' applications to host: (name, email, city, motivation).
const APPLICATIONS: [(&str, &str, &str, Text); 2] = [
    (
        "Nora Benali",
        "nora@fans.example",
        "Marseille",
        t(
            "Votre bougie Feuille de figuier brûle sur ma table tous les soirs, et mes amies me demandent toujours d’où elle vient.",
            "Your fig candle is on my table every evening; my friends always ask where it comes from.",
        ),
    ),
    (
        "Pierre Lucas",
        "pierre@fans.example",
        "Rennes",
        t(
            "J’anime un club de lecture tous les mois : votre linge le rendrait encore plus chaleureux.",
            "I host a book club every month and your linen would make it even cosier.",
        ),
    ),
];

/// What `seed_demo` did.
#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Loaded,
    AlreadyLoaded,
}

/// Loads the demo in French, the brand's language, with English
/// translations: see [`seed_demo_in`].
pub async fn seed_demo(db: &Db, now: DateTime<Utc>) -> Result<SeedOutcome, AppError> {
    seed_demo_in(db, now, Lang::Fr).await
}

/// Loads the demo brand, its admin, two hosts and its catalog, once, with
/// `lang` as the brand's language: its texts are written in `lang`, their
/// translations in the other language. Either everything is written or
/// nothing.
pub async fn seed_demo_in(
    db: &Db,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<SeedOutcome, AppError> {
    if demo_brand(db).await?.is_some() {
        return Ok(SeedOutcome::AlreadyLoaded);
    }

    let mut users = Vec::new();
    for login in DEMO_LOGINS {
        let email = EmailAddress::parse(login.email, "email")?;
        let password = NewPassword::parse(login.password, "password")?;
        users.push((login, email, hash_password_blocking(&password).await?));
    }

    let mut tx = db.begin().await?;
    let brand_id = insert_brand_and_users(&mut tx, &users, lang, now).await?;
    insert_catalog(&mut tx, brand_id, lang, now).await?;
    insert_kits_and_poll(&mut tx, brand_id, lang, now).await?;
    tx.commit().await?;
    Ok(SeedOutcome::Loaded)
}

/// The demo brand and its accounts; returns the brand's id.
async fn insert_brand_and_users(
    tx: &mut Tx,
    users: &[(DemoLogin, EmailAddress, String)],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    Ok(on_tx!(tx, |c| {
        let brand_id: i64 = sqlx::query_scalar(
            "INSERT INTO brands (slug, name, tagline, primary_color, accent_color, currency, time_zone, language, created_at)
             VALUES ($1, $2, $3, $4, $5, 'EUR', 'Europe/Paris', $6, $7) RETURNING id",
        )
        .bind(DEMO_BRAND_SLUG)
        .bind("Atelier Lumen")
        .bind(TAGLINE.of(lang))
        .bind("#7a2e3b")
        .bind("#f6ece4")
        .bind(lang.code())
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

/// `fields` (name, text) in one language, as the translations store them.
fn texts(fields: &[(&str, &str)]) -> Texts {
    let mut texts = Texts::default();
    for (field, text) in fields {
        texts.set(field, text);
    }
    texts
}

/// The demo catalog: items with their transparency labels, in `lang`, and
/// their translations.
async fn insert_catalog(
    tx: &mut Tx,
    brand_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let other = translation_language(lang);
    for (sku, name, category, price, stock, description) in ITEMS.into_iter().chain(MORE_ITEMS) {
        let label = LABELS.iter().find(|l| l.0 == sku);
        let id: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
                "INSERT INTO items (brand_id, sku, name, description, category, price_cents, vat_rate_bp, stock, active, created_at,
                   label_composition, label_country, label_recycled_pct, label_care, label_story)
                 VALUES ($1, $2, $3, $4, $5, $6, 2000, $7, TRUE, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(brand_id)
            .bind(sku)
            .bind(name.of(lang))
            .bind(description.of(lang))
            .bind(category.of(lang))
            .bind(price)
            .bind(stock)
            .bind(now)
            .bind(label.map(|l| l.1.of(lang)))
            .bind(label.map(|l| l.2.of(lang)))
            .bind(label.and_then(|l| l.3))
            .bind(label.map(|l| l.4.of(lang)))
            .bind(label.map(|l| l.5.of(lang)))
            .fetch_one(&mut *c)
            .await?
        });
        let mut fields = vec![
            ("name", name.of(other)),
            ("description", description.of(other)),
        ];
        if let Some((_, composition, _, _, care, story)) = label {
            fields.extend([
                ("composition", composition.of(other)),
                ("care", care.of(other)),
                ("story", story.of(other)),
            ]);
        }
        content::ssr::write(tx, Kind::Item, id, other, &texts(&fields)).await?;
    }
    Ok(())
}

/// The demo kits and the open poll, in `lang`, and their translations.
async fn insert_kits_and_poll(
    tx: &mut Tx,
    brand_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let other = translation_language(lang);
    for (name, description, skus) in KITS {
        let kit: i64 = on_tx!(tx, |c| {
            let kit: i64 = sqlx::query_scalar(
                "INSERT INTO kits (brand_id, name, description, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .bind(brand_id)
            .bind(name.of(lang))
            .bind(description.of(lang))
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
            kit
        });
        let fields = [
            ("name", name.of(other)),
            ("description", description.of(other)),
        ];
        content::ssr::write(tx, Kind::Kit, kit, other, &texts(&fields)).await?;
    }
    let poll: i64 = on_tx!(tx, |c| {
        sqlx::query_scalar(
            "INSERT INTO polls (brand_id, question, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(brand_id)
        .bind(POLL_QUESTION.of(lang))
        .bind(now)
        .fetch_one(&mut *c)
        .await?
    });
    let question = [("question", POLL_QUESTION.of(other))];
    content::ssr::write(tx, Kind::Poll, poll, other, &texts(&question)).await?;
    for (position, label) in POLL_OPTIONS.into_iter().enumerate() {
        let option: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
                "INSERT INTO poll_options (poll_id, position, label) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(poll)
            .bind(position as i64 + 1)
            .bind(label.of(lang))
            .fetch_one(&mut *c)
            .await?
        });
        let fields = [("label", label.of(other))];
        content::ssr::write(tx, Kind::PollOption, option, other, &texts(&fields)).await?;
    }
    Ok(())
}

/// The demo's history: six more hosts with forty past parties over four
/// months, and two fans waiting for an answer to their application, so the
/// dashboard and the host program have something to show. Loaded once,
/// with the demo; the two demo hosts keep a clean slate. Written in the
/// brand's language.
pub async fn seed_history(db: &Db, now: DateTime<Utc>) -> Result<bool, AppError> {
    let Some(brand_id) = demo_brand(db).await? else {
        return Ok(false);
    };
    let (loaded, language): (i64, String) = on_db!(db.reader(), |pool| {
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM users WHERE email LIKE '%@hosts.atelier-lumen.example'),
                    (SELECT language FROM brands WHERE id = $1)",
        )
        .bind(brand_id)
        .fetch_one(pool)
        .await
    })?;
    if loaded > 0 {
        return Ok(false);
    }
    let lang = Lang::parse(&language).unwrap_or_default();
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
    for (name, email, city, why) in APPLICATIONS {
        on_db!(db.writer(), |pool| {
            sqlx::query(
                "INSERT INTO host_applications (brand_id, name, email, city, motivation, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(brand_id)
            .bind(name)
            .bind(email)
            .bind(city)
            .bind(why.of(lang))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::domain::parse_composition;

    /// Every text of the demo.
    fn all_texts() -> Vec<Text> {
        let mut all = vec![TAGLINE, POLL_QUESTION];
        all.extend(POLL_OPTIONS);
        for (_, name, category, _, _, description) in ITEMS.into_iter().chain(MORE_ITEMS) {
            all.extend([name, category, description]);
        }
        for (_, composition, country, _, care, story) in LABELS {
            all.extend([composition, country, care, story]);
        }
        for (name, description, _) in KITS {
            all.extend([name, description]);
        }
        all.extend(APPLICATIONS.map(|a| a.3));
        all
    }

    #[test]
    fn french_is_written_the_french_way() {
        for text in all_texts() {
            let fr: Vec<char> = text.fr.chars().collect();
            assert!(!text.fr.contains('\''), "{}: use ’", text.fr);
            assert!(!text.fr.trim().is_empty() && !text.en.trim().is_empty());
            for (i, c) in fr.iter().enumerate() {
                if matches!(c, ':' | ';' | '?' | '!' | '»') {
                    assert_eq!(fr.get(i.wrapping_sub(1)), Some(&'\u{a0}'), "{}", text.fr);
                }
                if *c == '«' {
                    assert_eq!(fr.get(i + 1), Some(&'\u{a0}'), "{}", text.fr);
                }
            }
        }
    }

    #[test]
    fn compositions_are_canonical_with_the_same_parts_in_both_languages() {
        for (sku, composition, ..) in LABELS {
            let fr = parse_composition(composition.fr).unwrap();
            let en = parse_composition(composition.en).unwrap();
            assert_eq!(
                crate::catalog::domain::composition_text(&fr),
                composition.fr,
                "{sku}"
            );
            assert_eq!(
                crate::catalog::domain::composition_text(&en),
                composition.en,
                "{sku}"
            );
            let percents = |parts: &[crate::base::items::Material]| {
                parts.iter().map(|p| p.percent).collect::<Vec<_>>()
            };
            assert_eq!(percents(&fr), percents(&en), "{sku}");
        }
    }
}
