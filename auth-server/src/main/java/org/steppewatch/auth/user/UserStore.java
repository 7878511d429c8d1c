package org.steppewatch.auth.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.steppewatch.auth.MongoErrors;
import org.steppewatch.auth.Role;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The people who sign in, in MongoDB collection {@code users}, keyed by user name: the password only as a
 * DelegatingPasswordEncoder hash ({@code {bcrypt}…}) and the roles by name.
 */
@Component
public class UserStore implements UserDetailsService {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    public UserStore(MongoTemplate mongo) {
        this.users = mongo.getCollection(COLLECTION);
    }

    /** What may be shown about a user: never the password hash. */
    public record StoredUser(String username, List<String> roles, Instant createdAt) {
    }

    /** Creates a user unless the name is taken. */
    public boolean insert(String username, String passwordHash, List<String> roles) {
        try {
            users.insertOne(new Document("_id", username).append("passwordHash", passwordHash)
                    .append("roles", roles).append("createdAt", Date.from(Instant.now())));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean isEmpty() {
        return users.find().limit(1).first() == null;
    }

    public Optional<StoredUser> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(UserStore::toUser);
    }

    public List<StoredUser> findAll() {
        List<StoredUser> all = new ArrayList<>();
        users.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(toUser(document)));
        return all;
    }

    /** @return false when there is no such user */
    public boolean setRoles(String username, List<String> roles) {
        return users.updateOne(Filters.eq("_id", username), Updates.set("roles", roles)).getMatchedCount() > 0;
    }

    /** @return false when there is no such user */
    public boolean delete(String username) {
        return users.deleteOne(Filters.eq("_id", username)).getDeletedCount() > 0;
    }

    /** For sign-in: the hash and the roles as authorities {@code ROLE_<role>}. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        Document stored = users.find(Filters.eq("_id", username)).first();
        if (stored == null) {
            // the sign-in page says "Bad credentials" either way: nothing tells whether the user exists
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(username)
                .password(stored.getString("passwordHash"))
                .authorities(roles(stored).stream().map(role -> Role.AUTHORITY_PREFIX + role).toArray(String[]::new))
                .build();
    }

    private static StoredUser toUser(Document stored) {
        return new StoredUser(stored.getString("_id"), roles(stored), stored.getDate("createdAt").toInstant());
    }

    private static List<String> roles(Document stored) {
        List<String> roles = stored.getList("roles", String.class);
        return roles == null ? List.of() : Role.canonical(roles);
    }
}
