//! Where the server may send requests of its own (a brand's webhooks): only
//! to public addresses. A brand admin types the address; without this check
//! it could point at the server's own loopback, the private network behind
//! it or a cloud's metadata service, and the delivery log would show what
//! answered. The address is checked after DNS resolution when it is saved,
//! and every connection resolves through [`PublicOnly`], so a name that
//! later resolves elsewhere (DNS rebinding) is refused at send time too.

use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::Arc,
};

/// Which addresses outbound requests may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outbound {
    /// Loopback too (`WEBHOOKS_ALLOW_LOOPBACK`): local development and tests.
    pub allow_loopback: bool,
}

/// Why an address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("{0} is not a public address")]
    NotPublic(IpAddr),
    #[error("the name does not resolve")]
    Unresolved,
    #[error("the name resolves only to addresses that are not public")]
    NoPublicAddress,
}

impl Outbound {
    pub fn allows(self, ip: IpAddr) -> bool {
        is_public(ip) || (self.allow_loopback && ip.is_loopback())
    }

    /// Checks every address `url` reaches; all must be allowed.
    pub async fn check(self, url: &url::Url) -> Result<(), Refused> {
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<IpAddr> = match url.host() {
            Some(url::Host::Ipv4(v4)) => vec![IpAddr::V4(v4)],
            Some(url::Host::Ipv6(v6)) => vec![IpAddr::V6(v6)],
            Some(url::Host::Domain(name)) => tokio::net::lookup_host((name, port))
                .await
                .map_err(|_| Refused::Unresolved)?
                .map(|a| a.ip())
                .collect(),
            None => Vec::new(),
        };
        if addrs.is_empty() {
            return Err(Refused::Unresolved);
        }
        match addrs.into_iter().find(|ip| !self.allows(*ip)) {
            Some(ip) => Err(Refused::NotPublic(ip)),
            None => Ok(()),
        }
    }

    /// A DNS resolver for reqwest that drops every address not allowed
    /// (and fails when none is left).
    pub fn resolver(self) -> Arc<PublicOnly> {
        Arc::new(PublicOnly(self))
    }
}

/// See [`Outbound::resolver`].
pub struct PublicOnly(Outbound);

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.0;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| policy.allows(a.ip()))
                .collect();
            if found.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> =
                    Box::new(Refused::NoPublicAddress);
                return Err(refused);
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// An address on the public internet: not loopback, private, link-local
/// (cloud metadata lives there), carrier-grade NAT, multicast, reserved or
/// documentation ranges, in IPv4 or IPv6 (IPv4 written inside IPv6
/// included).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4() {
                // ::a.b.c.d and ::ffff:a.b.c.d reach the IPv4 address (:: and ::1 too).
                return !v6.is_loopback() && !v6.is_unspecified() && is_public_v4(v4);
            }
            let s = v6.segments();
            let embedded = |hi: u16, lo: u16| {
                Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8)
            };
            let nat64 = s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0];
            if nat64 {
                return is_public_v4(embedded(s[6], s[7]));
            }
            if s[0] == 0x2002 {
                return is_public_v4(embedded(s[1], s[2]));
            }
            !(v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || s[0] == 0x0100 // discard-only
                || (s[0] == 0x2001 && s[1] < 0x0200)) // IETF protocol assignments, Teredo
        }
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let o = v4.octets();
    !(v4.is_private()
        || v4.is_loopback()
        || v4.is_link_local()
        || v4.is_broadcast()
        || v4.is_documentation()
        || v4.is_unspecified()
        || v4.is_multicast()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // carrier-grade NAT
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking
        || o[0] >= 240) // reserved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_reachable() {
        for private in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "0.1.2.3",
            "255.255.255.255",
            "224.0.0.1",
            "240.0.0.1",
            "198.18.0.1",
            "192.0.0.170",
            "192.0.2.1",
            "::1",
            "::",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "fc00::1",
            "fd00:ec2::254",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2001::1",
        ] {
            let ip: IpAddr = private.parse().unwrap();
            assert!(!is_public(ip), "{private} must be refused");
        }
        for public in [
            "1.1.1.1",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700:4700::1111",
            "2a01:cb00::1",
            "::ffff:1.1.1.1",
            "64:ff9b::101:101",
        ] {
            let ip: IpAddr = public.parse().unwrap();
            assert!(is_public(ip), "{public} must be allowed");
        }
        let dev = Outbound {
            allow_loopback: true,
        };
        assert!(dev.allows("127.0.0.1".parse().unwrap()));
        assert!(dev.allows("::1".parse().unwrap()));
        assert!(!dev.allows("10.0.0.1".parse().unwrap()));
    }

    #[tokio::test]
    async fn names_are_checked_after_resolution() {
        let strict = Outbound::default();
        let url = |s: &str| url::Url::parse(s).unwrap();
        assert!(matches!(
            strict.check(&url("http://localhost:8080/hook")).await,
            Err(Refused::NotPublic(ip)) if ip.is_loopback()
        ));
        assert!(matches!(
            strict.check(&url("http://[::ffff:10.0.0.1]/")).await,
            Err(Refused::NotPublic(_))
        ));
        assert!(matches!(
            strict
                .check(&url("http://169.254.169.254/latest/meta-data/"))
                .await,
            Err(Refused::NotPublic(_))
        ));
        assert_eq!(
            strict.check(&url("http://no-such-host.invalid/")).await,
            Err(Refused::Unresolved)
        );
        let dev = Outbound {
            allow_loopback: true,
        };
        assert_eq!(dev.check(&url("http://localhost:8080/hook")).await, Ok(()));
    }
}
