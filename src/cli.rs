//! The command line: `gable serve | migrate | org … | key …`. The flags are a contract that
//! scripts and tests rely on; see the README.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::{Parser, Subcommand};
use serde_json::json;
use tracing_subscriber::EnvFilter;

use crate::app::App;
use crate::auth::{ActingOrg, users};
use crate::config::{LogFormat, Overrides, Settings};
use crate::db::{Db, system};
use crate::platform::keys;
use crate::platform::orgs;
use crate::secrets::{self, KeySource, Secrets};
use crate::vocab::clock::Clock;
use crate::vocab::date::Date;
use crate::vocab::plan::Plan;
use crate::vocab::scope::Scopes;
use crate::webhooks::listen::{self, Listen};
use crate::webhooks::signing::Scheme;
use crate::{demo, seed};

#[derive(Debug, Parser)]
#[command(name = "gable", version, about = "Gable: the API server for real-estate and property-management businesses")]
struct Cli {
    /// Configuration file (TOML); see config.default.toml for every setting.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER:PASS@HOST/DB (also DATABASE_URL, GABLE_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum RentCommand {
    /// Run the rent scheduler once: charges for every period due up to the date, lateness and
    /// late fees, for every organization (what `gable serve` does each day by itself).
    Run {
        /// The date to run as of (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<Date>,
    },
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

fn parse_scheme(text: &str) -> Result<Scheme, String> {
    text.parse().map_err(|_| "expected standard-webhooks, hmac-sha256-hex or hmac-sha256-timestamped".to_owned())
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// Share rate limits between instances through this Redis.
        #[arg(long, value_name = "URL")]
        redis_url: Option<String>,
        /// Create a demo organization (Elite plan) with sample data and print a new API key.
        #[arg(long)]
        demo: bool,
        /// Serve HTTP only; leave webhook delivery to `gable worker` processes.
        #[arg(long)]
        no_workers: bool,
    },
    /// Run only the webhook workers (fan-out and delivery), no HTTP server.
    Worker,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage organizations (tenants).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Manage API keys.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Manage the people who sign in to the console.
    #[command(subcommand)]
    User(UserCommand),
    /// Print the OpenAPI document (the same as `GET /openapi.json`).
    Openapi,
    /// Forward a server's live events to a local URL as signed webhooks (like `stripe listen`).
    /// Prints the signing secret (the same every time with this key), then one line per event.
    Listen {
        /// The Gable server.
        #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080", env = "GABLE_API_URL")]
        api_url: String,
        /// An API key with `read:events` (and the scopes of the events to forward).
        #[arg(long, value_name = "KEY", env = "GABLE_API_KEY", hide_env_values = true)]
        key: String,
        /// Where to POST each event, e.g. http://localhost:3000/hooks.
        #[arg(long, value_name = "URL")]
        forward_to: String,
        /// Only these event types, comma-separated (default: every type the key may read).
        #[arg(long, value_name = "TYPES", value_delimiter = ',')]
        events: Vec<String>,
        /// standard-webhooks, hmac-sha256-hex or hmac-sha256-timestamped.
        #[arg(long, default_value = "standard-webhooks", value_parser = parse_scheme)]
        scheme: Scheme,
        /// The signature header of the two HMAC schemes (default X-Gable-Signature).
        #[arg(long, value_name = "NAME")]
        header: Option<String>,
    },
    /// The rent ledger.
    #[command(subcommand)]
    Rent(RentCommand),
    /// The master key of the secrets stored encrypted (webhook signing secrets, header values).
    #[command(subcommand)]
    Secrets(SecretsCommand),
    /// Load a rental benchmark portfolio: one organization with UNITS units, an active lease
    /// on each from YEARS years ago, the scheduler run over them (timed) and the ledger settled
    /// except every tenth lease's last four months. Prints JSON (the key included).
    SeedRent {
        #[arg(long, default_value_t = 2000)]
        units: usize,
        #[arg(long, default_value_t = 5)]
        years: u32,
        /// The date the portfolio is as of (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<Date>,
        /// Seed only: leave the scheduler to `gable rent run` (to time the run itself).
        #[arg(long)]
        no_run: bool,
    },
    /// Load benchmark data: organizations and properties (prints the big organization's key as JSON).
    Seed {
        #[arg(long, default_value_t = 1000)]
        orgs: usize,
        #[arg(long, default_value_t = 1_000_000)]
        properties: usize,
        /// Properties of the first organization (the one deep pages are measured in).
        #[arg(long, default_value_t = 100_000)]
        big_org_properties: usize,
        /// API keys to create in every organization (listed in the output's `callers`).
        #[arg(long, default_value_t = 0)]
        keys_per_org: usize,
    },
}

#[derive(Debug, Subcommand)]
enum SecretsCommand {
    /// Re-encrypt every stored secret under a new random master key, in one transaction. The
    /// new key replaces the key file, whose old key is kept in `<file>.old`; with
    /// --new-key-file it is written there instead (required when the key is GABLE_SECRET_KEY).
    Rotate {
        /// Write the new key to this new file and leave the current key where it is.
        #[arg(long, value_name = "PATH")]
        new_key_file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum OrgCommand {
    /// Create an organization.
    Create {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value_t = Plan::Starter)]
        plan: Plan,
        #[arg(long, value_name = "EMAIL")]
        owner_email: Option<String>,
        /// Link it to this identity provider organization (a Clerk `org_…` id) for sign-in with JWT.
        #[arg(long, value_name = "ID")]
        external_org_id: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// List organizations.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Link an organization to an identity provider organization (a Clerk `org_…` id), whose
    /// members then sign in to it with a JWT (see docs/auth.md).
    Link {
        #[arg(value_name = "ORG_ID")]
        org_id: String,
        #[arg(long, value_name = "ID")]
        external_org_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove an organization's identity provider link: its JWTs stop working.
    Unlink {
        #[arg(value_name = "ORG_ID")]
        org_id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create a console user in an organization (an existing user is added to it). The
    /// password is read from standard input (one line), never from the command line.
    Create {
        #[arg(long, value_name = "ORG_ID")]
        org: String,
        #[arg(long)]
        email: String,
        /// owner, admin, developer or viewer (their scopes: `[console.role_scopes]`).
        #[arg(long, default_value = "owner")]
        role: String,
        /// Read the password from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum KeyCommand {
    /// Create an API key; the key is printed once and never again.
    Create {
        #[arg(long, value_name = "ORG_ID")]
        org: String,
        #[arg(long)]
        name: String,
        /// Comma-separated scopes (default `*`): read:<resource>, write:<resource>, read:*, write:*, admin, *.
        #[arg(long, value_delimiter = ',', value_name = "SCOPE,SCOPE...")]
        scopes: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// List an organization's API keys (never their secrets).
    List {
        #[arg(long, value_name = "ORG_ID")]
        org: String,
        #[arg(long)]
        json: bool,
    },
    /// Revoke an API key.
    Revoke {
        #[arg(value_name = "KEY_ID")]
        key_id: String,
    },
}

/// `println!` for a long-running server: a closed stdout (the reader went away) is not a
/// reason to stop serving.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// The command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut overrides = Overrides { database_url: cli.database_url.clone(), ..Overrides::default() };
    if let Command::Serve { listen, redis_url, .. } = &cli.command {
        overrides.listen = *listen;
        overrides.redis_url = redis_url.clone();
    }
    if matches!(cli.command, Command::Openapi) {
        let json = crate::app::openapi().to_pretty_json()?;
        // A closed pipe (`gable openapi | head`) is not an error worth a message.
        let _ = writeln!(std::io::stdout().lock(), "{json}");
        return Ok(());
    }
    if let Command::Listen { api_url, key, forward_to, events, scheme, header } = cli.command {
        // A client of a server, not a server: no settings, no database.
        let listen = Listen { api_url, key, forward_to, events, scheme, header };
        return tokio::select! {
            result = listen::run(&listen, |line| println!("{line}")) => result,
            () = shutdown_signal() => Ok(()),
        };
    }
    let settings = Settings::load(cli.config.as_deref(), &overrides)?;
    let serving = matches!(cli.command, Command::Serve { .. });
    init_logging(&settings, serving);
    match cli.command {
        Command::Serve { demo, no_workers, .. } => serve(settings, demo, !no_workers).await,
        Command::Worker => {
            let db = connect(&settings).await?;
            let state = crate::app::state(settings, db, Clock::default(), None).await?;
            println!("Gable {} worker running every background job", env!("CARGO_PKG_VERSION"));
            tokio::select! {
                () = crate::jobs::run(state) => {},
                () = shutdown_signal() => {},
            }
            tracing::info!("worker shut down");
            Ok(())
        }
        Command::Migrate => {
            let db = connect(&settings).await?;
            println!("migrations applied");
            db.close().await;
            Ok(())
        }
        Command::Openapi | Command::Listen { .. } => Ok(()),
        Command::Org(command) => org(&connect(&settings).await?, command).await,
        Command::Key(command) => key(&connect(&settings).await?, command).await,
        Command::User(command) => user(&connect(&settings).await?, command).await,
        Command::Secrets(SecretsCommand::Rotate { new_key_file }) => rotate_secret_key(&settings, new_key_file).await,
        Command::Rent(RentCommand::Run { as_of }) => {
            let db = connect(&settings).await?;
            let clock = Clock::default();
            let as_of = as_of.unwrap_or_else(|| Date::of_ms(clock.now_ms()));
            let state = crate::app::state(settings, db, clock, None).await?;
            let started = std::time::Instant::now();
            let summary = crate::jobs::run_rent(&state, as_of).await.context("running the rent scheduler")?;
            println!("rent run as of {as_of}: {summary} in {:.1}s", started.elapsed().as_secs_f64());
            Ok(())
        }
        Command::SeedRent { units, years, as_of, no_run } => {
            let db = connect(&settings).await?;
            let clock = Clock::default();
            let as_of = as_of.unwrap_or_else(|| Date::of_ms(clock.now_ms()));
            let plan = crate::rentals::seed::RentSeedPlan { units, years, as_of };
            let seeded = crate::rentals::seed::run(&db, &clock, &plan).await?;
            let mut out = serde_json::to_value(&seeded)?;
            if !no_run {
                let state = crate::app::state(settings, db.clone(), clock, None).await?;
                let started = std::time::Instant::now();
                let summary = crate::jobs::run_rent(&state, as_of).await.context("running the rent scheduler")?;
                out["scheduler_seconds"] = json!(started.elapsed().as_secs_f64());
                out["charges"] = json!(summary.charges_created);
                out["settled"] = json!(crate::rentals::seed::settle(&db, &seeded.org_id, as_of).await?);
            }
            println!("{out}");
            Ok(())
        }
        Command::Seed { orgs, properties, big_org_properties, keys_per_org } => {
            let db = connect(&settings).await?;
            let plan = seed::SeedPlan { orgs, properties, big_org_properties, keys_per_org };
            let seeded = seed::run(&db, &Clock::default(), &plan).await?;
            println!("{}", serde_json::to_string(&seeded)?);
            Ok(())
        }
    }
}

fn init_logging(settings: &Settings, serving: bool) {
    // Administrative commands print results on stdout; keep their logs to warnings.
    let default = if serving { settings.log_level.as_str() } else { "warn" };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let _ = match settings.log_format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

async fn connect(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url, settings.database_max_connections, settings.database_job_connections)
        .await
        .context("connecting to the database")?;
    db.migrate().await.context("applying migrations")?;
    Ok(db)
}

async fn serve(settings: Settings, demo: bool, workers: bool) -> anyhow::Result<()> {
    let app = App::build(settings).await?;
    let addr = app.local_addr();
    let public_url = app.state().public_url().to_owned();
    say!("Gable {} listening on http://{addr}", env!("CARGO_PKG_VERSION"));
    say!("  API        {public_url}/api  (also /v1)");
    say!("  Docs       {public_url}/docs");
    say!("  OpenAPI    {public_url}/openapi.json");
    say!("  GraphQL    {public_url}/graphql  (playground in the browser)");
    say!("  Console    {public_url}/console");
    match app.state().secrets().source() {
        KeySource::File { path, created: true } => {
            say!("  Secret key {}  (created now, mode 0600: back it up with the database)", path.display());
        }
        KeySource::File { path, created: false } if demo => say!("  Secret key {}", path.display()),
        _ => {}
    }
    if demo {
        let created = demo::prepare(app.state()).await?;
        say!();
        say!("Demo organization: {} ({}, Elite plan)", created.org.name, created.org.id);
        say!("Console sign-in (at {public_url}/console; the password is new on every start):");
        say!("  Email     {}", created.owner_email);
        say!("  Password  {}", created.owner_password);
        say!();
        say!("Demo API key (shown once, store it now):");
        say!("  {}", created.key);
        say!();
        say!("Try it:");
        say!(
            "  curl -H \"Authorization: Bearer {}\" \"{public_url}/api/properties?status=ACTIVE&featured=true\"",
            created.key
        );
    }
    app.run_until(workers, shutdown_signal()).await?;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// `gable secrets rotate`. The new key is on disk before anything is encrypted under it; the
/// key file is replaced only after the re-encryption committed.
async fn rotate_secret_key(settings: &Settings, new_key_file: Option<PathBuf>) -> anyhow::Result<()> {
    let current = Secrets::from_settings(settings, false)?;
    let (target, replaces) = match (new_key_file, current.source()) {
        (Some(path), _) => (path, None),
        (None, KeySource::File { path, .. }) => (secrets::sibling(path, ".new"), Some(path.clone())),
        (None, KeySource::Setting) => bail!(
            "the secret key comes from GABLE_SECRET_KEY (secret_key): pass --new-key-file PATH to write the new key \
             there, then give it to every instance"
        ),
    };
    if target.exists() {
        bail!(
            "{} already exists. If an earlier rotation was interrupted, start gable once (it re-encrypts every \
             secret under the current key, reading this one too), then delete it",
            target.display()
        );
    }
    let db = connect(settings).await?;
    let key = secrets::generate_key();
    let next = current.rotated_to(key);
    secrets::write_key_file(&target, &key)?;
    let changed = crate::jobs::reseal_secrets(&db, &next).await.with_context(|| {
        format!("nothing was changed; {} holds the unused new key and can be deleted", target.display())
    })?;
    db.close().await;
    println!("re-encrypted the secrets of {changed} webhook endpoints under key {}", next.key_id());
    match replaces {
        Some(path) => {
            let old = secrets::sibling(&path, ".old");
            std::fs::rename(&path, &old).with_context(|| format!("moving {} to {}", path.display(), old.display()))?;
            std::fs::rename(&target, &path)
                .with_context(|| format!("moving {} to {}", target.display(), path.display()))?;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::File::open(dir).and_then(|d| d.sync_all()).context("syncing the key file's directory")?;
            }
            println!("the new key is in {}; the previous one is kept in {}", path.display(), old.display());
            println!("running instances that read {} switch to the new key by themselves", path.display());
        }
        None => {
            println!("the new key is in {}", target.display());
            println!(
                "restart every instance with GABLE_SECRET_KEY set to it (and GABLE_SECRET_KEY_PREVIOUS to the old \
                 key until all have restarted)"
            );
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

async fn org(db: &Db, command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Create { name, plan, owner_email, external_org_id, json } => {
            let clock = Clock::default();
            let org = orgs::create_linked(db, &clock, &name, plan, owner_email.as_deref(), external_org_id.as_deref())
                .await?;
            if json {
                println!("{}", serde_json::to_string(&org)?);
            } else {
                println!("created organization {} ({}, slug {}, plan {})", org.id, org.name, org.slug, org.plan);
                if let Some(external) = &org.external_org_id {
                    println!("linked to external organization {external}");
                }
            }
        }
        OrgCommand::Link { org_id, external_org_id, json } => {
            let org = orgs::link(db, &org_id, Some(&external_org_id)).await?;
            if json {
                println!("{}", serde_json::to_string(&org)?);
            } else {
                println!("linked organization {} to external organization {external_org_id}", org.id);
            }
        }
        OrgCommand::Unlink { org_id, json } => {
            let org = orgs::link(db, &org_id, None).await?;
            if json {
                println!("{}", serde_json::to_string(&org)?);
            } else {
                println!("unlinked organization {}", org.id);
            }
        }
        OrgCommand::List { json } => {
            let list = orgs::list(db).await?;
            if json {
                println!("{}", json!({ "organizations": list }));
            } else {
                println!("{:<32} {:<8} {:<24} NAME", "ID", "PLAN", "SLUG");
                for org in list {
                    println!("{:<32} {:<8} {:<24} {}", org.id, org.plan, org.slug, org.name);
                }
            }
        }
    }
    Ok(())
}

async fn tenant(db: &Db, org_id: &str) -> anyhow::Result<ActingOrg> {
    ActingOrg::for_operator(db, org_id).await?.ok_or_else(|| anyhow!("no organization with id `{org_id}`"))
}

async fn user(db: &Db, command: UserCommand) -> anyhow::Result<()> {
    let UserCommand::Create { org, email, role, password_stdin: _, json } = command;
    let mut password = String::new();
    std::io::stdin().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    let created = users::create_user(db, &Clock::default(), &org, &email, &role, password)
        .await
        .map_err(|e| anyhow!("{}", e.message()))?;
    if json {
        println!("{}", serde_json::to_string(&created)?);
    } else {
        println!("created user {} ({}) as {} of {}", created.email, created.id, created.role, created.org_id);
        println!("They sign in at /console.");
    }
    Ok(())
}

async fn key(db: &Db, command: KeyCommand) -> anyhow::Result<()> {
    let clock = Clock::default();
    match command {
        KeyCommand::Create { org, name, scopes, json } => {
            let tenant = tenant(db, &org).await?;
            let scopes = if scopes.is_empty() {
                Scopes::all()
            } else {
                Scopes::parse(scopes.iter().map(String::as_str)).map_err(|e| anyhow!(e))?
            };
            let created = keys::create(db, &clock, &tenant, &name, &scopes, None)
                .await
                .map_err(|e| anyhow!("{}", e.message()))?;
            if json {
                println!("{}", serde_json::to_string(&created)?);
            } else {
                println!(
                    "created API key {} ({}) with scopes {}",
                    created.api_key.id,
                    created.api_key.name,
                    created.api_key.scopes.0.join(",")
                );
                println!("{}", created.key);
                println!("This is the only time the key is shown: store it now.");
            }
        }
        KeyCommand::List { org, json } => {
            let tenant = tenant(db, &org).await?;
            let list = keys::list(db, &tenant).await?;
            if json {
                println!("{}", json!({ "keys": list }));
            } else {
                println!("{:<32} {:<18} {:<8} {:<24} NAME", "ID", "KEY", "STATE", "SCOPES");
                for key in list {
                    let state = if key.revoked { "revoked" } else { "active" };
                    let shown = format!("{}…{}", key.prefix, key.last4);
                    println!("{:<32} {:<18} {:<8} {:<24} {}", key.id, shown, state, key.scopes.0.join(","), key.name);
                }
            }
        }
        KeyCommand::Revoke { key_id } => {
            let Some(org_id) = system::find_key_org(db, &key_id).await? else {
                bail!("no API key with id `{key_id}`");
            };
            let tenant = tenant(db, &org_id).await?;
            keys::revoke(db, &clock, &tenant, &key_id).await.map_err(|e| anyhow!("{}", e.message()))?;
            println!("revoked API key {key_id}");
        }
    }
    Ok(())
}
