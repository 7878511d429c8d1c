package org.steppewatch.auth;

import org.springframework.dao.DuplicateKeyException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Telling "that id is taken" apart from other write failures, whether or not Spring translated the exception. */
public final class MongoErrors {

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
