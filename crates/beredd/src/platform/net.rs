//! Where and how the web interface is served, and who is asking: the address a request comes
//! from, as the connection says, or, from a proxy the operator named, as the proxy says.
//!
//! `X-Forwarded-For` is a header anyone can send, so it is read only when the connection itself
//! comes from a proxy named with `--trusted-proxy` (security review F3). Without one, every
//! request counts from the address it connects from; behind a proxy that is not named, every
//! request seems to come from the proxy, and the login limits apply to everyone at once.

use std::net::{IpAddr, SocketAddr};

/// Live board streams one process holds open at once, unless `--max-live-streams` says otherwise.
pub const MAX_LIVE_STREAMS: usize = 500;

/// How `beredd serve` and `beredd demo` serve the web interface.
#[derive(Debug, Clone)]
pub struct Listen {
    pub addr: SocketAddr,
    /// Mark cookies `Secure` (Beredd is served over HTTPS).
    pub secure_cookies: bool,
    /// Proxies in front of Beredd whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// The bearer token a Prometheus scrape of `/metrics` carries; none: `/metrics` is off.
    pub metrics_token: Option<String>,
    /// Live board streams held open at once.
    pub max_live_streams: usize,
}

/// The same address whether it arrives as IPv4 or as IPv4 mapped into IPv6.
fn plain(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The address a request comes from. `peer` is the connection's; when it is one of `trusted`,
/// the `X-Forwarded-For` values are read from the right (the nearest hop first), past any other
/// trusted proxy, to the first address that is not one. Anything unreadable there stops the
/// search at the last trusted hop. No connection address at all (a server started without it)
/// counts as one unknown address.
pub fn client(peer: Option<IpAddr>, forwarded_for: &[&str], trusted: &[IpAddr]) -> IpAddr {
    let Some(peer) = peer.map(plain) else { return IpAddr::from([0, 0, 0, 0]) };
    let is_trusted = |ip: IpAddr| trusted.iter().any(|t| plain(*t) == ip);
    if !is_trusted(peer) {
        return peer;
    }
    let hops = forwarded_for.iter().rev().flat_map(|h| h.rsplit(',')).map(str::trim);
    let mut client = peer;
    for hop in hops {
        match hop.parse::<IpAddr>().map(plain) {
            Ok(ip) if is_trusted(ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_named_proxy() {
        let proxy = [ip("10.0.0.1")];
        // Straight from a client: its own address, whatever it claims.
        assert_eq!(client(Some(ip("192.0.2.7")), &["203.0.113.9"], &proxy), ip("192.0.2.7"));
        assert_eq!(client(Some(ip("192.0.2.7")), &["203.0.113.9"], &[]), ip("192.0.2.7"));
        // Through the proxy: the address the proxy saw, the rightmost one.
        assert_eq!(client(Some(ip("10.0.0.1")), &["203.0.113.9"], &proxy), ip("203.0.113.9"));
        assert_eq!(client(Some(ip("10.0.0.1")), &["6.6.6.6, 203.0.113.9"], &proxy), ip("203.0.113.9"));
        assert_eq!(client(Some(ip("10.0.0.1")), &["6.6.6.6", "203.0.113.9"], &proxy), ip("203.0.113.9"));
        // Past a second named proxy; not past something unreadable.
        let two = [ip("10.0.0.1"), ip("10.0.0.2")];
        assert_eq!(client(Some(ip("10.0.0.1")), &["203.0.113.9, 10.0.0.2"], &two), ip("203.0.113.9"));
        assert_eq!(client(Some(ip("10.0.0.1")), &["203.0.113.9, unknown"], &proxy), ip("10.0.0.1"));
        assert_eq!(client(Some(ip("10.0.0.1")), &[], &proxy), ip("10.0.0.1"));
        // IPv4 mapped into IPv6 is the IPv4 address.
        assert_eq!(client(Some(ip("::ffff:10.0.0.1")), &["203.0.113.9"], &proxy), ip("203.0.113.9"));
        assert_eq!(client(None, &["203.0.113.9"], &proxy), ip("0.0.0.0"));
    }
}
