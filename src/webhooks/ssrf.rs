//! The SSRF guard: webhook URLs must point at globally routable addresses, unless an address
//! falls in a configured allowed subnet (`webhook_allowed_subnets`). Checked when an endpoint
//! is saved and again when each delivery connects (the resolver below), so a name that later
//! resolves to an internal address (DNS rebinding) is refused at send time.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, LazyLock};

use ipnet::IpNet;
use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// How long saving an endpoint waits for its name to resolve.
const SAVE_LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// What webhook URLs may point at.
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    allowed: Vec<IpNet>,
    require_https: bool,
}

impl AddressPolicy {
    pub fn new(allowed: Vec<IpNet>, require_https: bool) -> AddressPolicy {
        AddressPolicy { allowed, require_https }
    }

    pub fn allows(&self, ip: IpAddr) -> bool {
        is_global(ip) || self.allowed.iter().any(|net| net.contains(&ip))
    }

    /// Parses a URL and checks its form (scheme, host, no credentials).
    pub fn parse(&self, url: &str) -> Result<Url, String> {
        let parsed = Url::parse(url.trim()).map_err(|e| format!("`{url}` is not a URL: {e}"))?;
        match parsed.scheme() {
            "https" => {}
            "http" if !self.require_https => {}
            "http" => return Err("webhook URLs must use https".into()),
            other => return Err(format!("webhook URLs must be http(s), not `{other}`")),
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err("the URL has no host".into());
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err("put credentials in `headers`, not in the URL".into());
        }
        Ok(parsed)
    }

    /// Resolves the URL's host and refuses it if any address is not allowed. A name that does
    /// not resolve (yet), or not within [`SAVE_LOOKUP_TIMEOUT`], is accepted, as Stripe and Svix
    /// accept it: its deliveries fail and are retried until it does, and the resolver below
    /// checks the addresses it gets then.
    pub async fn check(&self, url: &Url) -> Result<(), String> {
        let host = url.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            // A resolver that is slow to answer does not hold the request: after
            // `SAVE_LOOKUP_TIMEOUT` the name counts as not resolving yet.
            Err(_) => match tokio::time::timeout(SAVE_LOOKUP_TIMEOUT, tokio::net::lookup_host((host, port))).await {
                Ok(Ok(addrs)) => addrs.collect(),
                Ok(Err(_)) | Err(_) => return Ok(()),
            },
        };
        match addrs.iter().find(|a| !self.allows(a.ip())) {
            Some(bad) => Err(format!(
                "`{host}` resolves to {}, which is not a public address (operators can allow subnets with webhook_allowed_subnets)",
                bad.ip()
            )),
            None => Ok(()),
        }
    }
}

/// A resolver for the delivery client that only hands out allowed addresses.
pub struct GuardedResolver(pub Arc<AddressPolicy>);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = addrs.iter().copied().filter(|a| policy.allows(a.ip())).collect();
            if allowed.is_empty() {
                let err: Box<dyn std::error::Error + Send + Sync> =
                    format!("`{host}` resolves only to addresses that are not allowed ({addrs:?})").into();
                return Err(err);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

/// Every range a webhook may not point at, with what it is: the IANA IPv4 and IPv6
/// Special-Purpose Address Registries (RFC 6890 and its updates), whole, plus multicast, the
/// deprecated IPv6 forms (IPv4-compatible, IPv4-translated, site-local) and all IPv6 outside
/// global unicast (`2000::/3`). A registry entry marked "globally reachable" (AS112, AMT, the
/// PCP and TURN anycast addresses, ORCHIDv2, DETs, the NAT64 prefix) is refused too: none is
/// a place a webhook receiver lives, and the NAT64 prefix reaches IPv4 addresses behind a
/// gateway. Nested entries are listed as the registries list them. IPv4-mapped IPv6
/// (`::ffff:0:0/96`) is not here: it is judged by the IPv4 address it carries.
const SPECIAL: &[(&str, &str)] = &[
    ("0.0.0.0/8", "\"This network\", RFC 791"),
    ("0.0.0.0/32", "\"This host on this network\", RFC 1122"),
    ("10.0.0.0/8", "private use, RFC 1918"),
    ("100.64.0.0/10", "shared address space (carrier-grade NAT), RFC 6598"),
    ("127.0.0.0/8", "loopback, RFC 1122"),
    ("169.254.0.0/16", "link-local (cloud metadata lives here), RFC 3927"),
    ("172.16.0.0/12", "private use, RFC 1918"),
    ("192.0.0.0/24", "IETF protocol assignments, RFC 6890"),
    ("192.0.0.0/29", "IPv4 service continuity prefix, RFC 7335"),
    ("192.0.0.8/32", "IPv4 dummy address, RFC 7600"),
    ("192.0.0.9/32", "Port Control Protocol anycast, RFC 7723 (globally reachable)"),
    ("192.0.0.10/32", "TURN anycast, RFC 8155 (globally reachable)"),
    ("192.0.0.170/32", "NAT64/DNS64 discovery, RFC 8880"),
    ("192.0.0.171/32", "NAT64/DNS64 discovery, RFC 8880"),
    ("192.0.2.0/24", "documentation (TEST-NET-1), RFC 5737"),
    ("192.31.196.0/24", "AS112-v4, RFC 7535 (globally reachable)"),
    ("192.52.193.0/24", "AMT, RFC 7450 (globally reachable)"),
    ("192.88.99.0/24", "deprecated 6to4 relay anycast, RFC 7526"),
    ("192.88.99.2/32", "6a44 relay anycast, RFC 6751"),
    ("192.168.0.0/16", "private use, RFC 1918"),
    ("192.175.48.0/24", "direct delegation AS112 service, RFC 7534 (globally reachable)"),
    ("198.18.0.0/15", "benchmarking, RFC 2544"),
    ("198.51.100.0/24", "documentation (TEST-NET-2), RFC 5737"),
    ("203.0.113.0/24", "documentation (TEST-NET-3), RFC 5737"),
    ("224.0.0.0/4", "multicast, RFC 5771"),
    ("240.0.0.0/4", "reserved, RFC 1112"),
    ("255.255.255.255/32", "limited broadcast, RFC 919"),
    ("::/128", "unspecified, RFC 4291"),
    ("::1/128", "loopback, RFC 4291"),
    ("::/96", "IPv4-compatible (deprecated), RFC 4291"),
    ("::ffff:0:0:0/96", "IPv4-translated, RFC 2765"),
    ("64:ff9b::/96", "IPv4/IPv6 translation (NAT64), RFC 6052 (globally reachable)"),
    ("64:ff9b:1::/48", "local-use IPv4/IPv6 translation, RFC 8215"),
    ("100::/64", "discard-only, RFC 6666"),
    ("100:0:0:1::/64", "dummy IPv6 prefix, RFC 9780"),
    ("2001::/23", "IETF protocol assignments, RFC 2928"),
    ("2001::/32", "Teredo, RFC 4380"),
    ("2001:1::1/128", "Port Control Protocol anycast, RFC 7723 (globally reachable)"),
    ("2001:1::2/128", "TURN anycast, RFC 8155 (globally reachable)"),
    ("2001:1::3/128", "DNS-SD service registration protocol anycast, RFC 9665 (globally reachable)"),
    ("2001:2::/48", "benchmarking, RFC 5180"),
    ("2001:3::/32", "AMT, RFC 7450 (globally reachable)"),
    ("2001:4:112::/48", "AS112-v6, RFC 7535 (globally reachable)"),
    ("2001:10::/28", "deprecated ORCHID, RFC 4843"),
    ("2001:20::/28", "ORCHIDv2, RFC 7343 (globally reachable)"),
    ("2001:30::/28", "drone remote ID entity tags, RFC 9374 (globally reachable)"),
    ("2001:db8::/32", "documentation, RFC 3849"),
    ("2002::/16", "6to4, RFC 3056"),
    ("2620:4f:8000::/48", "direct delegation AS112 service, RFC 7534 (globally reachable)"),
    ("3fff::/20", "documentation, RFC 9637"),
    ("5f00::/16", "segment routing (SRv6) SIDs, RFC 9602"),
    ("fc00::/7", "unique local, RFC 4193"),
    ("fe80::/10", "link-local, RFC 4291"),
    ("fec0::/10", "site-local (deprecated), RFC 3879"),
    ("ff00::/8", "multicast, RFC 4291"),
    ("::/3", "outside global unicast 2000::/3: reserved or unassigned, RFC 4291"),
    ("4000::/2", "outside global unicast 2000::/3: unassigned, RFC 4291"),
    ("8000::/1", "outside global unicast 2000::/3: unassigned, link-local, multicast, RFC 4291"),
];

/// [`SPECIAL`], parsed once.
static SPECIAL_NETS: LazyLock<Vec<IpNet>> = LazyLock::new(|| {
    SPECIAL.iter().map(|(net, _)| net.parse().unwrap_or_else(|e| panic!("SPECIAL: `{net}`: {e}"))).collect()
});

/// Whether an address is globally routable: in none of the [`SPECIAL`] ranges (an
/// IPv4-mapped IPv6 address is judged by its IPv4 address).
pub fn is_global(ip: IpAddr) -> bool {
    let ip = ip.to_canonical();
    !SPECIAL_NETS.iter().any(|net| net.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_not_global() {
        for internal in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2002:a00:1::",
            "ff02::1",
            "2001:db8::1",
        ] {
            assert!(!is_global(ip(internal)), "{internal}");
        }
        for public in ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"] {
            assert!(is_global(ip(public)), "{public}");
        }
    }

    /// One address inside every range of the table (the issue's own examples among them).
    const INSIDE: &[(&str, &str)] = &[
        ("0.0.0.0/8", "0.1.2.3"),
        ("0.0.0.0/32", "0.0.0.0"),
        ("10.0.0.0/8", "10.255.255.255"),
        ("100.64.0.0/10", "100.127.255.254"),
        ("127.0.0.0/8", "127.0.0.1"),
        ("169.254.0.0/16", "169.254.169.254"),
        ("172.16.0.0/12", "172.31.0.1"),
        ("192.0.0.0/24", "192.0.0.200"),
        ("192.0.0.0/29", "192.0.0.1"),
        ("192.0.0.8/32", "192.0.0.8"),
        ("192.0.0.9/32", "192.0.0.9"),
        ("192.0.0.10/32", "192.0.0.10"),
        ("192.0.0.170/32", "192.0.0.170"),
        ("192.0.0.171/32", "192.0.0.171"),
        ("192.0.2.0/24", "192.0.2.1"),
        ("192.31.196.0/24", "192.31.196.1"),
        ("192.52.193.0/24", "192.52.193.1"),
        ("192.88.99.0/24", "192.88.99.1"),
        ("192.88.99.2/32", "192.88.99.2"),
        ("192.168.0.0/16", "192.168.1.1"),
        ("192.175.48.0/24", "192.175.48.1"),
        ("198.18.0.0/15", "198.19.255.255"),
        ("198.51.100.0/24", "198.51.100.7"),
        ("203.0.113.0/24", "203.0.113.7"),
        ("224.0.0.0/4", "239.255.255.250"),
        ("240.0.0.0/4", "240.0.0.1"),
        ("255.255.255.255/32", "255.255.255.255"),
        ("::/128", "::"),
        ("::1/128", "::1"),
        ("::/96", "::a00:1"),
        ("::ffff:0:0:0/96", "::ffff:0:a00:1"),
        ("64:ff9b::/96", "64:ff9b::808:808"),
        ("64:ff9b:1::/48", "64:ff9b:1::a00:1"),
        ("100::/64", "100::1"),
        ("100:0:0:1::/64", "100:0:0:1::1"),
        ("2001::/23", "2001:1ff::1"),
        ("2001::/32", "2001:0:4136:e378::1"),
        ("2001:1::1/128", "2001:1::1"),
        ("2001:1::2/128", "2001:1::2"),
        ("2001:1::3/128", "2001:1::3"),
        ("2001:2::/48", "2001:2::1"),
        ("2001:3::/32", "2001:3::1"),
        ("2001:4:112::/48", "2001:4:112::1"),
        ("2001:10::/28", "2001:10::1"),
        ("2001:20::/28", "2001:20::1"),
        ("2001:30::/28", "2001:30::1"),
        ("2001:db8::/32", "2001:db8::1"),
        ("2002::/16", "2002:808:808::1"),
        ("2620:4f:8000::/48", "2620:4f:8000::1"),
        ("3fff::/20", "3fff:fff::1"),
        ("5f00::/16", "5f00::1"),
        ("fc00::/7", "fd12:3456::1"),
        ("fe80::/10", "fe80::1"),
        ("fec0::/10", "fec0::1"),
        ("ff00::/8", "ff02::1"),
        ("::/3", "1fff::1"),
        ("4000::/2", "4000::1"),
        ("8000::/1", "8000::1"),
    ];

    #[test]
    fn every_special_purpose_range_is_refused() {
        let allowed: Vec<String> = INSIDE
            .iter()
            .filter(|(_, inside)| is_global(ip(inside)))
            .map(|(range, inside)| format!("{inside} ({range})"))
            .collect();
        assert!(allowed.is_empty(), "allowed: {allowed:?}");
    }

    #[test]
    fn every_row_of_the_table_has_a_case_and_is_refused_edge_to_edge() {
        let rows: Vec<&str> = SPECIAL.iter().map(|(net, _)| *net).collect();
        let cases: Vec<&str> = INSIDE.iter().map(|(net, _)| *net).collect();
        assert_eq!(rows, cases, "one case per row, in the table's order");
        for net in SPECIAL_NETS.iter() {
            for edge in [net.network(), net.broadcast()] {
                assert!(!is_global(edge), "{edge} ({net})");
            }
        }
    }

    #[test]
    fn addresses_just_outside_the_ranges_are_public() {
        for public in [
            "1.0.0.0",
            "8.8.8.8",
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "126.255.255.255",
            "128.0.0.0",
            "169.253.255.255",
            "169.255.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "191.255.255.255",
            "192.0.1.0",
            "192.0.3.0",
            "192.31.195.255",
            "192.31.197.0",
            "192.52.192.255",
            "192.52.194.0",
            "192.88.98.255",
            "192.88.100.0",
            "192.167.255.255",
            "192.169.0.0",
            "192.175.47.255",
            "192.175.49.0",
            "198.17.255.255",
            "198.20.0.0",
            "198.51.99.255",
            "198.51.101.0",
            "203.0.112.255",
            "203.0.114.0",
            "223.255.255.255",
            "::ffff:8.8.8.8",
            "2000::1",
            "2001:200::1",
            "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff",
            "2001:db9::1",
            "2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "2003::1",
            "2606:4700::1111",
            "2620:4f:7fff:ffff:ffff:ffff:ffff:ffff",
            "2620:4f:8001::",
            "2a00:1450:4001::200e",
            "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "3fff:1000::",
        ] {
            assert!(is_global(ip(public)), "{public}");
        }
    }

    #[tokio::test]
    async fn allowed_subnets_and_url_forms() {
        let strict = AddressPolicy::default();
        let url = strict.parse("http://127.0.0.1:9000/hook").unwrap();
        assert!(strict.check(&url).await.unwrap_err().contains("127.0.0.1"));
        let lenient = AddressPolicy::new(vec!["127.0.0.0/8".parse().unwrap()], false);
        assert!(lenient.check(&url).await.is_ok());
        assert!(lenient.check(&lenient.parse("http://localhost:9000/").unwrap()).await.is_ok());
        let unresolvable = strict.parse("https://no-such-host.invalid/hooks").unwrap();
        assert!(strict.check(&unresolvable).await.is_ok(), "checked again when a delivery resolves it");
        assert!(strict.check(&strict.parse("http://[::1]:9000/").unwrap()).await.is_err());
        assert!(strict.parse("ftp://example.com/").is_err());
        assert!(strict.parse("https://user:pw@example.com/").is_err());
        assert!(AddressPolicy::new(vec![], true).parse("http://example.com/").is_err());
    }
}
