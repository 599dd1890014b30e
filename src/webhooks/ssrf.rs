//! The SSRF guard: webhook URLs must point at globally routable addresses, unless an address
//! falls in a configured allowed subnet (`webhook_allowed_subnets`). Checked when an endpoint
//! is saved and again when each delivery connects (the resolver below), so a name that later
//! resolves to an internal address (DNS rebinding) is refused at send time.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use ipnet::IpNet;
use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

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

    /// Resolves the URL's host and refuses it if any address is not allowed.
    pub async fn check(&self, url: &Url) -> Result<(), String> {
        let host = url.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((host, port))
                .await
                .map_err(|e| format!("`{host}` does not resolve: {e}"))?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(format!("`{host}` does not resolve"));
        }
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

/// Whether an address is globally routable (not loopback, private, link-local, shared,
/// documentation, benchmarking, multicast, reserved or unspecified).
pub fn is_global(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_global_v4(v4),
        IpAddr::V6(v6) => is_global_v6(v6),
    }
}

fn is_global_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network"
        || a == 10                             // private
        || a == 127                            // loopback
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 169 && b == 254)              // link-local (cloud metadata lives here)
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0)      // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)      // documentation
        || (a == 192 && b == 168)              // private
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || (a == 198 && b == 51 && c == 100)   // documentation
        || (a == 203 && b == 0 && c == 113)    // documentation
        || a >= 224) // multicast, reserved, broadcast
}

fn is_global_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_global_v4(v4);
    }
    let s = ip.segments();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || (s[0] & 0xfe00) == 0xfc00              // unique local
        || (s[0] & 0xffc0) == 0xfe80              // link-local
        || (s[0] & 0xff00) == 0xff00              // multicast
        || (s[0] == 0x2001 && s[1] == 0x0db8)     // documentation
        || (s[0] == 0x0064 && s[1] == 0xff9b)     // NAT64: embeds an IPv4 address
        || s[0] == 0x2002                         // 6to4: embeds an IPv4 address
        || (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0 && s[4] == 0 && s[5] == 0)) // IPv4-compatible
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

    #[tokio::test]
    async fn allowed_subnets_and_url_forms() {
        let strict = AddressPolicy::default();
        let url = strict.parse("http://127.0.0.1:9000/hook").unwrap();
        assert!(strict.check(&url).await.unwrap_err().contains("127.0.0.1"));
        let lenient = AddressPolicy::new(vec!["127.0.0.0/8".parse().unwrap()], false);
        assert!(lenient.check(&url).await.is_ok());
        assert!(lenient.check(&lenient.parse("http://localhost:9000/").unwrap()).await.is_ok());
        assert!(strict.check(&strict.parse("http://[::1]:9000/").unwrap()).await.is_err());
        assert!(strict.parse("ftp://example.com/").is_err());
        assert!(strict.parse("https://user:pw@example.com/").is_err());
        assert!(AddressPolicy::new(vec![], true).parse("http://example.com/").is_err());
    }
}
