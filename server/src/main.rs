//! `soiree`: serve the app, migrate, load the demo, create a brand admin.
#![recursion_limit = "256"]

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use app::{
    accounts::ssr::{create_user, set_password},
    base::{
        account::{EmailAddress, NewPassword, Role},
        db::Db,
        l10n::{speaking, Lang},
    },
    demo::{seed_demo_in, seed_history, SeedOutcome, DEMO_LOGINS},
    on_db,
};
use clap::{Parser, Subcommand};
use secrecy::ExposeSecret;
use soiree_server::{
    settings::Settings,
    startup::{shutdown_signal, Application},
};
use tracing_subscriber::EnvFilter;

/// Rendering a page allocates many small strings from several threads:
/// mimalloc serves them from per-thread pages where glibc's malloc spent a
/// quarter of the server's CPU time (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Soirée: home-party social selling for brands and their fan hosts.
///
/// Settings come from the environment and `.env` (see .env.example).
#[derive(Parser)]
#[command(name = "soiree", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Load the demo brand, accounts, catalog and a few months of past
    /// parties (once; later runs do nothing).
    SeedDemo {
        /// The brand's language: its texts are written in it, with
        /// translations into the other.
        #[arg(long, default_value = "fr", value_parser = language_arg())]
        language: Lang,
    },
    /// Load a large history into the demo brand to measure against: hosts,
    /// held parties, guests and orders (loads the demo first if needed).
    SeedLoad {
        /// The demo brand's language, if the demo is loaded now.
        #[arg(long, default_value = "fr", value_parser = language_arg())]
        language: Lang,
        #[arg(long, default_value_t = 200)]
        hosts: usize,
        #[arg(long, default_value_t = 5000)]
        events: usize,
        #[arg(long, default_value_t = 60000)]
        guests: usize,
        #[arg(long, default_value_t = 100000)]
        orders: usize,
    },
    /// Redo a party's prize drawing from its revealed seed and eligible
    /// guests' ids (as the party's page shows them), and print the winner.
    VerifyDraw {
        /// The seed revealed after the drawing.
        #[arg(long)]
        seed: String,
        /// The eligible guests' ids, comma-separated (any order).
        #[arg(long, value_delimiter = ',', num_args = 1..)]
        ids: Vec<i64>,
        /// The commitment shown before the drawing, to check the seed against.
        #[arg(long)]
        commitment: Option<String>,
    },
    /// Create a brand admin, or set a new password for an existing account.
    /// The password is asked on the terminal, or read from the first line of stdin.
    CreateAdmin {
        /// The admin's email address.
        #[arg(long)]
        email: String,
        /// The admin's name as shown in Soirée.
        #[arg(long, default_value = "Brand admin")]
        name: String,
        /// The brand's name, used when no brand exists yet.
        #[arg(long, default_value = "My brand")]
        brand_name: String,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(err) => {
            eprintln!("soiree: configuration error: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("soiree: cannot start the async runtime: {err}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command.unwrap_or(Command::Serve), settings)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("soiree: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let app = Application::build(settings.clone()).await?;
            tracing::info!(port = app.port(), public_url = %settings.public_url, "Soirée is listening");
            app.run_until(shutdown_signal()).await
        }
        Command::VerifyDraw {
            seed,
            ids,
            commitment,
        } => verify_draw(&seed, &ids, commitment.as_deref()),
        Command::Migrate => {
            let db = open(&settings).await?;
            println!("Migrations applied ({:?}).", db.engine());
            Ok(())
        }
        Command::SeedDemo { language } => {
            let db = open(&settings).await?;
            match seed_demo_in(&db, chrono::Utc::now(), language)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
            {
                SeedOutcome::Loaded => {
                    seed_history(&db, chrono::Utc::now())
                        .await
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    println!("Demo data loaded.")
                }
                SeedOutcome::AlreadyLoaded => {
                    println!("Demo data already present; nothing changed.")
                }
            }
            println!("Demo logins:");
            for login in DEMO_LOGINS {
                let role = match login.role {
                    Role::BrandAdmin => "brand admin",
                    Role::Host => "host",
                };
                println!(
                    "  {role:<12} {:<32} password: {}",
                    login.email, login.password
                );
            }
            Ok(())
        }
        Command::SeedLoad {
            language,
            hosts,
            events,
            guests,
            orders,
        } => {
            let db = open(&settings).await?;
            seed_load(&db, language, hosts, events, guests, orders).await
        }
        Command::CreateAdmin {
            email,
            name,
            brand_name,
        } => {
            // The command line speaks English, as the rest of its output.
            let email = speaking(Lang::En, || EmailAddress::parse(&email, "--email"))
                .map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            let password = read_password()?;
            let password = speaking(Lang::En, || NewPassword::parse(&password, "password"))
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let db = open(&settings).await?;
            if set_password(&db, &email, &password)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
            {
                println!("{email} already had an account: its password is changed and its sessions ended.");
                return Ok(());
            }
            let brand_id = ensure_brand(&db, &brand_name).await?;
            create_user(
                &db,
                brand_id,
                &email,
                &name,
                Role::BrandAdmin,
                &password,
                chrono::Utc::now(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "Brand admin {email} created. Sign in at {}login",
                settings.public_url
            );
            Ok(())
        }
    }
}

/// `--language`: `fr` or `en`.
fn language_arg() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["fr", "en"])
        .map(|code| Lang::parse(&code).unwrap_or_default())
}

async fn open(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(settings.database_url.expose_secret()).await?;
    db.migrate().await?;
    Ok(db)
}

/// The first brand, created with `name` when there is none.
async fn ensure_brand(db: &Db, name: &str) -> anyhow::Result<i64> {
    let existing: Option<i64> = on_db!(db.reader(), |pool| {
        sqlx::query_scalar("SELECT id FROM brands ORDER BY id LIMIT 1")
            .fetch_optional(pool)
            .await
    })?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let id = on_db!(db.writer(), |pool| {
        sqlx::query_scalar(
            "INSERT INTO brands (slug, name, tagline, primary_color, accent_color, created_at)
             VALUES ($1, $2, '', '#5b2a86', '#f4ecfa', $3) RETURNING id",
        )
        .bind(if slug.is_empty() {
            "brand".to_owned()
        } else {
            slug
        })
        .bind(name)
        .bind(chrono::Utc::now())
        .fetch_one(pool)
        .await
    })
    .context("cannot create the brand")?;
    Ok(id)
}

/// Asks twice on a terminal; otherwise reads the first line of stdin.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (8 to 128 characters): ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        anyhow::ensure!(
            first == again,
            "the two passwords differ; nothing was changed"
        );
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from stdin")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// `seed-load`: a large history for the demo brand, written once.
async fn seed_load(
    db: &Db,
    language: Lang,
    hosts: usize,
    events: usize,
    guests: usize,
    orders: usize,
) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    seed_demo_in(db, now, language)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let brand = app::demo::demo_brand(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .context("the demo brand is missing")?;
    let loaded: i64 = on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE email LIKE '%@load.example'"
    )
    .fetch_one(pool)
    .await)?;
    if loaded > 0 {
        println!("The load history is already there ({loaded} hosts); nothing changed.");
        return Ok(());
    }
    anyhow::ensure!(
        events > 0 && hosts > 0,
        "--hosts and --events must be at least 1"
    );
    let password = NewPassword::parse(DEMO_LOGINS[1].password, "password")
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let spec = app::history::Spec {
        hosts: app::history::host_names(hosts, "host", "load.example"),
        password_hash: app::base::auth::ssr::hash_password_blocking(&password)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?,
        events,
        guests_per_event: guests / events,
        orders_per_event: orders / events,
        days: 365,
        seed: 6,
    };
    let started = std::time::Instant::now();
    let w = app::history::write(db, brand, &spec, now)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "Loaded {} hosts, {} parties, {} guests, {} orders ({} lines) in {:.1} s.",
        w.hosts,
        w.events,
        w.guests,
        w.orders,
        w.lines,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `soiree verify-draw`: the winner from the seed and the ids, and whether
/// the seed is the one the commitment promised.
fn verify_draw(seed: &str, ids: &[i64], commitment: Option<&str>) -> anyhow::Result<()> {
    use app::draws::domain;
    if let Some(promised) = commitment {
        if !domain::keeps_promise(seed, promised) {
            anyhow::bail!(
                "this seed does not match the commitment {promised}: the drawing cannot be trusted"
            );
        }
        println!("The seed matches the commitment.");
    }
    println!("Hashed: {}", domain::draw_input(seed, ids));
    match domain::winner(seed, ids) {
        Some(id) => println!("Winner: guest {id}"),
        None => anyhow::bail!("no eligible guest ids were given"),
    }
    Ok(())
}
