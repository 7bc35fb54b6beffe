package dev.respawn.recorder.har;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How a body goes into HAR: as text when its type says text (or it looks like UTF-8 text and
 * says nothing), else base64, so that every byte can be had back.
 *
 * @param text the body as text, or its base64
 * @param base64 whether {@code text} is base64
 */
record BodyText(String text, boolean base64) {

    static BodyText of(byte[] bytes, boolean truncated, String contentType) {
        String mime = mimeType(contentType);
        if (bytes.length == 0) {
            return new BodyText("", false);
        }
        if (isTextual(mime)) {
            String text = decode(bytes, truncated, charset(contentType));
            if (text != null) {
                return new BodyText(text, false);
            }
        } else if (mime.isEmpty()) {
            String text = decode(bytes, truncated, StandardCharsets.UTF_8);
            if (text != null && !hasControlCharacters(text)) {
                return new BodyText(text, false);
            }
        }
        return new BodyText(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** The bytes back, as a replay sends them. */
    static byte[] bytes(String text, boolean base64, String contentType) {
        if (text == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(text) : text.getBytes(charset(contentType));
    }

    static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    static boolean isTextual(String mime) {
        return mime.startsWith("text/") || mime.endsWith("+json") || mime.endsWith("+xml")
                || mime.equals("application/json") || mime.equals("application/xml")
                || mime.equals("application/javascript") || mime.equals("application/x-www-form-urlencoded")
                || mime.equals("application/graphql") || mime.equals("application/x-ndjson")
                || mime.equals("application/yaml");
    }

    /** Strictly decoded text, or null; a cut-off body may end inside a character. */
    private static String decode(byte[] bytes, boolean truncated, Charset charset) {
        if (isAscii(bytes) && asciiCompatible(charset)) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // the common case, without a decoder
        }
        int tolerated = truncated ? 4 : 0;
        for (int cut = 0; cut <= Math.min(tolerated, bytes.length); cut++) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return decoder.decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut)).toString();
            } catch (CharacterCodingException e) {
                // Try without the last byte of a cut-off character.
            }
        }
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiCompatible(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return true;
            }
        }
        return false;
    }
}
