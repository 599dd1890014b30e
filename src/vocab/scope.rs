//! Scopes: `read:<resource>`, `write:<resource>`, `read:*`, `write:*`, `admin` and `*`.
//!
//! - `write:x` includes `read:x` (as on GitHub and Stripe: a key that may change a
//!   resource may see it).
//! - `admin` is key management: listing, creating and revoking API keys.
//! - `*` is everything, `admin` included.
//! - Keys, members and the organization's settings are not resources the wildcards reach:
//!   `read:*` and `write:*` do not list keys or change the team; `admin` (or `read:keys`) lists
//!   keys, `read:members`/`write:members` the team, `write:organization` the settings.
//! - A credential can only hand out what it has: a key created through the API gets scopes
//!   its creator's scopes [include](Scopes::includes).

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Admin,
    Read(Resource),
    Write(Resource),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    Any,
    Named(String),
}

/// Resources that `read:*` and `write:*` do not reach: they must be named (keys also come with
/// `admin`). Who holds keys, who is in the team and how the organization is set up are `*`'s.
const NOT_IN_WILDCARDS: [&str; 3] = ["keys", "members", "organization"];

impl Resource {
    fn covers(&self, name: &str) -> bool {
        match self {
            Resource::Any => !NOT_IN_WILDCARDS.contains(&name),
            Resource::Named(own) => own == name,
        }
    }

    /// Whether every resource `other` names is one this names.
    fn includes(&self, other: &Resource) -> bool {
        match (self, other) {
            (Resource::Any, Resource::Any) => true,
            (Resource::Any, Resource::Named(theirs)) => self.covers(theirs),
            (Resource::Named(own), Resource::Named(theirs)) => own == theirs,
            (Resource::Named(_), Resource::Any) => false,
        }
    }
}

/// What a call needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Read(&'static str),
    Write(&'static str),
    Admin,
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Need::Read(resource) => write!(f, "read:{resource}"),
            Need::Write(resource) => write!(f, "write:{resource}"),
            Need::Admin => f.write_str("admin"),
        }
    }
}

impl Scope {
    /// Whether this scope allows what `other` allows (and so may grant it).
    pub fn includes(&self, other: &Scope) -> bool {
        match (self, other) {
            (Scope::All, _) => true,
            (Scope::Admin, Scope::Admin) => true,
            (Scope::Admin, Scope::Read(Resource::Named(name)) | Scope::Write(Resource::Named(name))) => name == "keys",
            (Scope::Read(own), Scope::Read(theirs)) => own.includes(theirs),
            (Scope::Write(own), Scope::Read(theirs) | Scope::Write(theirs)) => own.includes(theirs),
            _ => false,
        }
    }

    pub fn covers(&self, need: Need) -> bool {
        match (self, need) {
            (Scope::All, _) => true,
            (Scope::Admin, Need::Admin) => true,
            (Scope::Admin, Need::Read("keys") | Need::Write("keys")) => true,
            (Scope::Read(own), Need::Read(name)) => own.covers(name),
            (Scope::Write(own), Need::Read(name) | Need::Write(name)) => own.covers(name),
            _ => false,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let resource = |r: &Resource| match r {
            Resource::Any => "*".to_owned(),
            Resource::Named(name) => name.clone(),
        };
        match self {
            Scope::All => f.write_str("*"),
            Scope::Admin => f.write_str("admin"),
            Scope::Read(r) => write!(f, "read:{}", resource(r)),
            Scope::Write(r) => write!(f, "write:{}", resource(r)),
        }
    }
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let invalid =
            || format!("invalid scope `{s}`: use read:<resource>, write:<resource>, read:*, write:*, admin or *");
        match s {
            "*" => return Ok(Scope::All),
            "admin" => return Ok(Scope::Admin),
            _ => {}
        }
        let (action, resource) = s.split_once(':').ok_or_else(invalid)?;
        let resource = match resource {
            "*" => Resource::Any,
            name if !name.is_empty()
                && name.len() <= 64
                && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                Resource::Named(name.to_owned())
            }
            _ => return Err(invalid()),
        };
        match action {
            "read" => Ok(Scope::Read(resource)),
            "write" => Ok(Scope::Write(resource)),
            _ => Err(invalid()),
        }
    }
}

/// A key's scopes, stored space-separated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    pub fn all() -> Scopes {
        Scopes(vec![Scope::All])
    }

    /// Parses a list, dropping duplicates; an empty list is an error.
    pub fn parse<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Scopes, String> {
        let mut scopes: Vec<Scope> = Vec::new();
        for item in items {
            let scope: Scope = item.trim().parse()?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        if scopes.is_empty() {
            return Err("a key needs at least one scope".into());
        }
        Ok(Scopes(scopes))
    }

    /// Reads the stored form (space-separated).
    pub fn from_stored(stored: &str) -> Scopes {
        Scopes(stored.split_whitespace().filter_map(|s| s.parse().ok()).collect())
    }

    pub fn to_stored(&self) -> String {
        self.to_strings().join(" ")
    }

    pub fn to_strings(&self) -> Vec<String> {
        self.0.iter().map(Scope::to_string).collect()
    }

    pub fn allows(&self, need: Need) -> bool {
        self.0.iter().any(|scope| scope.covers(need))
    }

    /// Whether these scopes allow everything `other` allows: a credential may create a key
    /// with `other` only then.
    pub fn includes(&self, other: &Scopes) -> bool {
        other.0.iter().all(|theirs| self.0.iter().any(|own| own.includes(theirs)))
    }

    /// The scopes of `other` that these do not include.
    pub fn missing<'a>(&self, other: &'a Scopes) -> impl Iterator<Item = &'a Scope> {
        other.0.iter().filter(|theirs| !self.0.iter().any(|own| own.includes(theirs)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(list: &str) -> Scopes {
        Scopes::parse(list.split(',')).unwrap()
    }

    #[test]
    fn coverage() {
        assert!(scopes("read:tenants").allows(Need::Read("tenants")));
        assert!(!scopes("read:tenants").allows(Need::Write("tenants")));
        assert!(!scopes("read:tenants").allows(Need::Read("leases")));
        assert!(scopes("write:work_orders").allows(Need::Read("work_orders")));
        assert!(scopes("write:work_orders").allows(Need::Write("work_orders")));
        assert!(scopes("read:*").allows(Need::Read("anything")));
        assert!(!scopes("read:*").allows(Need::Read("keys")), "listing keys needs admin");
        assert!(!scopes("write:*").allows(Need::Read("keys")));
        assert!(scopes("read:keys").allows(Need::Read("keys")));
        assert!(!scopes("read:*").allows(Need::Write("anything")));
        assert!(scopes("write:*").allows(Need::Write("anything")));
        assert!(!scopes("write:*").allows(Need::Admin));
        assert!(scopes("admin").allows(Need::Admin));
        assert!(scopes("admin").allows(Need::Read("keys")));
        assert!(!scopes("admin").allows(Need::Read("properties")));
        assert!(scopes("*").allows(Need::Admin));
        assert!(scopes("*").allows(Need::Write("leases")));
    }

    #[test]
    fn a_scope_set_includes_only_what_it_allows() {
        assert!(scopes("*").includes(&scopes("admin,write:*")));
        assert!(!scopes("admin").includes(&scopes("*")), "admin cannot mint a * key");
        assert!(!scopes("admin").includes(&scopes("read:*")));
        assert!(scopes("admin").includes(&scopes("admin")));
        assert!(scopes("write:*").includes(&scopes("read:*,write:leases,read:tenants")));
        assert!(!scopes("write:*").includes(&scopes("admin")));
        assert!(!scopes("read:*").includes(&scopes("write:leases")));
        assert!(scopes("write:leases").includes(&scopes("read:leases")));
        assert!(!scopes("write:leases").includes(&scopes("read:*")));
        assert!(!scopes("read:tenants").includes(&scopes("read:leases")));
        assert!(!scopes("read:*").includes(&scopes("read:keys")), "wildcards do not reach keys");
        assert!(scopes("admin").includes(&scopes("read:keys")));
        let missing: Vec<String> =
            scopes("read:*").missing(&scopes("read:units,write:units,admin")).map(Scope::to_string).collect();
        assert_eq!(missing, ["write:units", "admin"]);
    }

    #[test]
    fn parsing() {
        assert_eq!(scopes("read:tenants, read:tenants").to_stored(), "read:tenants");
        assert!(Scopes::parse(["delete:tenants"]).is_err());
        assert!(Scopes::parse(["read:"]).is_err());
        assert!(Scopes::parse(["read:Tenants"]).is_err());
        assert!(Scopes::parse([]).is_err());
        assert_eq!(Scopes::from_stored("read:* admin"), scopes("read:*,admin"));
        assert_eq!(Need::Write("work_orders").to_string(), "write:work_orders");
    }
}
