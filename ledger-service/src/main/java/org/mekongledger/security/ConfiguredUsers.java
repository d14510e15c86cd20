package org.mekongledger.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic users by name, each with the nationality an embassy officer acts for. Answers a copy
 * per sign-in: the authentication manager erases the password of what it is given.
 */
final class ConfiguredUsers implements UserDetailsService {

    private final Map<String, NationalUser> users;

    ConfiguredUsers(Map<String, NationalUser> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        NationalUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new NationalUser(user.getUsername(), user.getPassword(), user.getAuthorities(), user.nationality());
    }

    /** A Basic user; {@code nationality} is null for anyone who is not an embassy officer. */
    static final class NationalUser extends User implements Officer.ActsForNationals {
        private final String nationality;

        NationalUser(String name, String password, Collection<? extends GrantedAuthority> authorities,
                     String nationality) {
            super(name, password, authorities);
            this.nationality = nationality;
        }

        @Override
        public String nationality() {
            return nationality;
        }
    }
}
