//! Who the client of a request is: the TCP peer, or, behind a proxy listed in
//! `trusted_proxies`, the address that proxy forwarded (`X-Forwarded-For`). The public pages'
//! limits and the failed-authentication limit count by it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;

/// The client's IP address: the TCP peer, unless the peer is a trusted proxy
/// (`trusted_proxies`); then the address it forwarded (see [`client_ip`]).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// The client of a request with these extensions (the connection's) and headers.
    /// `trusted` is `trusted_proxies`.
    pub fn of(extensions: &Extensions, headers: &HeaderMap, trusted: &[IpNet]) -> Option<ClientIp> {
        let ConnectInfo(peer) = extensions.get::<ConnectInfo<SocketAddr>>()?;
        Some(ClientIp(client_ip(peer.ip(), headers, trusted)))
    }
}

/// The client behind `peer`: walking `X-Forwarded-For` from the right (the entry the peer
/// itself wrote) while the address at hand is a trusted proxy, the first one that is not. A
/// client can write anything on the left, so nothing left of that is believed; an entry that
/// is not an address stops the walk at the last trusted hop.
fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(&client) {
        return client;
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    for entry in forwarded.into_iter().rev() {
        let Some(hop) = parse_hop(entry) else { break };
        client = hop;
        if !is_trusted(&client) {
            break;
        }
    }
    client
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:80`, `[::1]:80`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    let ip = entry.parse::<IpAddr>().or_else(|_| entry.parse::<SocketAddr>().map(|a| a.ip())).ok()?;
    Some(ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_peer_is_the_client_unless_it_is_a_trusted_proxy() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()];
        let claims = forwarded(&["203.0.113.7"]);
        assert_eq!(client_ip(ip("198.51.100.1"), &claims, &proxies), ip("198.51.100.1"), "not a proxy");
        assert_eq!(client_ip(ip("10.0.0.2"), &claims, &[]), ip("10.0.0.2"), "no proxies trusted");
        assert_eq!(client_ip(ip("10.0.0.2"), &claims, &proxies), ip("203.0.113.7"));
        assert_eq!(client_ip(ip("10.0.0.2"), &HeaderMap::new(), &proxies), ip("10.0.0.2"), "nothing forwarded");
        assert_eq!(client_ip(ip("::ffff:10.0.0.2"), &claims, &proxies), ip("203.0.113.7"), "a mapped peer");
    }

    #[test]
    fn the_client_is_the_rightmost_address_no_trusted_proxy_wrote() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let peer = ip("10.0.0.2");
        let cases = [
            (vec!["1.1.1.1, 203.0.113.7"], "203.0.113.7"),
            (vec!["1.1.1.1, 203.0.113.7, 10.0.0.9"], "203.0.113.7"),
            (vec!["1.1.1.1", "203.0.113.7 , 10.0.0.9"], "203.0.113.7"),
            (vec!["10.0.0.5, 10.0.0.9"], "10.0.0.5"),
            (vec!["203.0.113.7:4711"], "203.0.113.7"),
            (vec!["[2001:db8::7]:443, 10.0.0.9"], "2001:db8::7"),
            (vec!["2001:db8::7"], "2001:db8::7"),
            (vec!["203.0.113.7, unknown, 10.0.0.9"], "10.0.0.9"),
            (vec!["garbage"], "10.0.0.2"),
        ];
        for (values, client) in cases {
            assert_eq!(client_ip(peer, &forwarded(&values), &proxies), ip(client), "{values:?}");
        }
    }
}
