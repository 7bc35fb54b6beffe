package dev.respawn.reloader.options;

import java.nio.file.Path;

/** A folder the front serves as it is at a URL path ({@code --url-alias /static src/main/web}). */
public record UrlAlias(String urlPath, Path directory) {

    /** Checks the URL path; an {@link OptionsException} says what is accepted. */
    static UrlAlias of(String urlPath, String directory) {
        String path = urlPath.endsWith("/") && urlPath.length() > 1 ? urlPath.substring(0, urlPath.length() - 1) : urlPath;
        if (!path.startsWith("/") || path.equals("/") || path.contains("//") || path.equals("/_respawn")
                || path.startsWith("/_respawn/")) {
            throw new OptionsException("--url-alias " + urlPath + " " + directory + ": the URL path must start with /,"
                    + " name at least one segment and not be under /_respawn/ (e.g. --url-alias /static src/main/web)");
        }
        return new UrlAlias(path, Path.of(directory));
    }
}
