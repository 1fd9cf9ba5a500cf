//! Photos people send (an item's, a buyer's review's, a party's album):
//! checked, decoded and resized on the server, stored as two JPEG files
//! (display size and thumbnail) in the media store.
//!
//! Files get random names and are written before the database rows that
//! point at them: a failed save removes its files, so nothing half-written
//! is ever visible.

use std::io::Cursor;

use image::{imageops::FilterType, DynamicImage, ImageFormat, ImageReader, Limits};

use crate::base::{error::AppError, l10n::Lang, media::MediaStore};

/// The largest photo accepted, in bytes.
pub const MAX_PHOTO_BYTES: usize = 8 * 1024 * 1024;
/// The most pixels a photo may have (40 megapixels, more than any phone
/// camera's): decoding allocates for each of them.
pub const MAX_PIXELS: u64 = 40_000_000;
/// How many photos one save may carry.
pub const MAX_PHOTOS_PER_SAVE: usize = 6;
/// The longest side of the display size and of the thumbnail, in pixels.
const DISPLAY_SIDE: u32 = 1200;
const THUMB_SIDE: u32 = 480;
const JPEG_QUALITY: u8 = 82;

/// A file as uploaded.
#[derive(Debug, Clone)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// A multipart form as posted: its text fields, its photos (the files of
/// one field), and the first file over the size limit, whose bytes were
/// read and dropped so that the browser gets the answer.
#[derive(Debug, Default)]
pub struct Posted {
    pub fields: std::collections::HashMap<String, String>,
    pub photos: Vec<Upload>,
    pub too_large: Option<(String, usize)>,
}

impl Posted {
    /// A text field, empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The longest text field kept from a multipart form.
const TEXT_FIELD_MAX: usize = 16 * 1024;

/// Reads a multipart form whose files are in field `file_field`; an
/// unreadable body is a mistake on that field.
pub async fn read_posted(
    data: leptos::server_fn::codec::MultipartData,
    file_field: &str,
) -> Result<Posted, AppError> {
    let too_big = |_| {
        AppError::invalid(
            file_field,
            tr!(crate::base::l10n::page_lang(), CATALOG_ERROR_UPLOAD),
        )
    };
    let mut multipart = data
        .into_inner()
        .ok_or_else(|| anyhow::anyhow!("multipart data read on the client"))?;
    let mut post = Posted::default();
    while let Some(mut field) = multipart.next_field().await.map_err(too_big)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            let filename = field.file_name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            let mut size = 0usize;
            while let Some(chunk) = field.chunk().await.map_err(too_big)? {
                size += chunk.len();
                if size <= MAX_PHOTO_BYTES {
                    bytes.extend_from_slice(&chunk);
                }
            }
            if size > MAX_PHOTO_BYTES {
                post.too_large.get_or_insert((filename, size));
            } else if !(filename.is_empty() && bytes.is_empty()) {
                post.photos.push(Upload { filename, bytes });
            }
            continue;
        }
        let mut value = String::new();
        while let Some(chunk) = field.chunk().await.map_err(too_big)? {
            if value.len() + chunk.len() <= TEXT_FIELD_MAX {
                value.push_str(&String::from_utf8_lossy(&chunk));
            }
        }
        post.fields.insert(name, value);
    }
    Ok(post)
}

/// A photo ready to write: JPEG bytes of both sizes.
#[derive(Debug, Clone)]
pub struct ProcessedPhoto {
    pub display: Vec<u8>,
    pub thumb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn invalid(message: String) -> AppError {
    AppError::invalid("photos", message)
}

/// A size in megabytes, with one decimal: "8.5", "8,5".
fn megabytes(lang: Lang, bytes: usize) -> String {
    let text = format!("{:.1}", bytes as f64 / 1_048_576.0);
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Why a photo of `bytes` is refused, in `lang`.
pub fn too_large(lang: Lang, name: &str, bytes: usize) -> String {
    tr!(
        lang,
        CATALOG_PHOTO_TOO_LARGE,
        name = name,
        size = megabytes(lang, bytes)
    )
}

/// Checks and resizes one upload; its mistakes are written in `lang`.
/// CPU-bound: call from a blocking task.
pub fn process(lang: Lang, upload: &Upload) -> Result<ProcessedPhoto, AppError> {
    let name = &upload.filename;
    if upload.bytes.len() > MAX_PHOTO_BYTES {
        return Err(invalid(too_large(lang, name, upload.bytes.len())));
    }
    let format = image::guess_format(&upload.bytes).ok();
    if !matches!(
        format,
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(invalid(tr!(lang, CATALOG_PHOTO_FORMAT, name = name)));
    }
    let format = format.unwrap_or(ImageFormat::Jpeg);
    // A small file can claim huge dimensions: read them from the header and
    // refuse before decoding allocates anything.
    let (width, height) = ImageReader::with_format(Cursor::new(&upload.bytes), format)
        .into_dimensions()
        .map_err(|_| invalid(tr!(lang, CATALOG_PHOTO_UNREADABLE, name = name)))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(invalid(tr!(
            lang,
            CATALOG_PHOTO_TOO_MANY_PIXELS,
            name = name,
            width = width,
            height = height,
            megapixels = pixels / 1_000_000
        )));
    }
    let mut reader = ImageReader::with_format(Cursor::new(&upload.bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    // 40 megapixels of 16-bit RGBA, and the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 8 + 64 * 1024 * 1024);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|_| invalid(tr!(lang, CATALOG_PHOTO_UNREADABLE, name = name)))?;
    let display = flatten(shrink(image, DISPLAY_SIDE));
    let thumb = flatten(shrink(display.clone(), THUMB_SIDE));
    Ok(ProcessedPhoto {
        width: display.width(),
        height: display.height(),
        display: encode_jpeg(&display)?,
        thumb: encode_jpeg(&thumb)?,
    })
}

/// Scales down to fit `side` × `side`, keeping the proportions; a smaller
/// image is kept as it is.
fn shrink(image: DynamicImage, side: u32) -> DynamicImage {
    if image.width() <= side && image.height() <= side {
        image
    } else {
        image.resize(side, side, FilterType::Triangle)
    }
}

/// JPEG has no transparency: put transparent pixels on white.
fn flatten(image: DynamicImage) -> DynamicImage {
    if !image.color().has_alpha() {
        return DynamicImage::ImageRgb8(image.to_rgb8());
    }
    let rgba = image.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(px[3]);
        for c in 0..3 {
            out[c] = ((u16::from(px[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    DynamicImage::ImageRgb8(rgb)
}

fn encode_jpeg(image: &DynamicImage) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(image)
        .map_err(|e| AppError::from(anyhow::anyhow!("cannot encode a JPEG: {e}")))?;
    Ok(out)
}

/// Processes uploads on the blocking pool, all or none.
pub async fn process_all(uploads: Vec<Upload>) -> Result<Vec<ProcessedPhoto>, AppError> {
    // The blocking pool has no request: take its language here.
    let lang = crate::base::l10n::page_lang();
    if uploads.len() > MAX_PHOTOS_PER_SAVE {
        return Err(invalid(tr!(
            lang,
            CATALOG_PHOTO_TOO_MANY,
            max = MAX_PHOTOS_PER_SAVE,
            count = uploads.len()
        )));
    }
    tokio::task::spawn_blocking(move || uploads.iter().map(|u| process(lang, u)).collect())
        .await
        .map_err(|e| AppError::from(anyhow::anyhow!("photo task failed: {e}")))?
}

/// A photo written to disk: paths relative to the media folder.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    pub display_path: String,
    pub thumb_path: String,
    pub width: u32,
    pub height: u32,
}

/// Writes both sizes of each photo under fresh random names in `folder`.
pub async fn store(
    media: &MediaStore,
    folder: &str,
    photos: Vec<ProcessedPhoto>,
) -> Result<Vec<StoredPhoto>, AppError> {
    let mut stored = Vec::new();
    for photo in photos {
        let stem = crate::base::tokens::random_hex::<12>();
        let item = StoredPhoto {
            display_path: format!("{folder}/{stem}.jpg"),
            thumb_path: format!("{folder}/{stem}-thumb.jpg"),
            width: photo.width,
            height: photo.height,
        };
        let written = async {
            media.put(&item.display_path, photo.display).await?;
            media.put(&item.thumb_path, photo.thumb).await
        }
        .await;
        stored.push(item);
        if let Err(e) = written {
            discard(media, &stored).await;
            return Err(e.into());
        }
    }
    Ok(stored)
}

/// Removes the files of stored photos; one that cannot be removed is
/// logged and left (its name is never reused).
pub async fn discard(media: &MediaStore, photos: &[StoredPhoto]) {
    for photo in photos {
        for path in [&photo.display_path, &photo.thumb_path] {
            if let Err(e) = media.remove(path).await {
                tracing::warn!("{e:#}");
            }
        }
    }
}

/// Checks and resizes the photos of a posted form: at most `max`, at
/// least one when `required`. Each mistake is noted on the field `photos`
/// with the form's others, so that all show at once; none is kept then.
pub async fn process_posted(
    m: &mut crate::base::error::Mistakes,
    posted: &mut Posted,
    max: usize,
    required: bool,
) -> Vec<ProcessedPhoto> {
    let lang = crate::base::l10n::page_lang();
    let uploads = std::mem::take(&mut posted.photos);
    if let Some((name, size)) = &posted.too_large {
        m.note("photos", too_large(lang, name, *size));
        return vec![];
    }
    if uploads.len() > max {
        m.note(
            "photos",
            match max {
                1 => tr!(lang, REVIEW_ERROR_ONE_PHOTO),
                _ => tr!(
                    lang,
                    CATALOG_PHOTO_TOO_MANY,
                    max = max,
                    count = uploads.len()
                ),
            },
        );
        return vec![];
    }
    if uploads.is_empty() {
        if required {
            m.note("photos", tr!(lang, ALBUM_ERROR_NO_PHOTO));
        }
        return vec![];
    }
    match process_all(uploads).await {
        Ok(processed) => processed,
        Err(e) => {
            m.note(
                "photos",
                e.for_field("photos").unwrap_or_else(|| e.to_string()),
            );
            vec![]
        }
    }
}

/// Removes the files of the media trash (an erased person's photos, put
/// there by the transaction that dropped their rows); a file that cannot
/// be removed stays in the trash for the next pass. Returns how many went.
pub async fn empty_trash(db: &crate::base::db::Db, media: &MediaStore) -> Result<usize, AppError> {
    let paths: Vec<String> = crate::on_db!(db.reader(), |pool| sqlx::query_scalar(
        "SELECT path FROM media_trash ORDER BY path LIMIT 500"
    )
    .fetch_all(pool)
    .await)?;
    let mut removed = 0;
    for path in paths {
        if let Err(e) = media.remove(&path).await {
            tracing::warn!("{e:#}");
            continue;
        }
        crate::on_db!(db.writer(), |pool| sqlx::query(
            "DELETE FROM media_trash WHERE path = $1"
        )
        .bind(&path)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        removed += 1;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, y| {
            image::Rgba([
                (x % 256) as u8,
                (y % 256) as u8,
                90,
                if x < 10 { 0 } else { 255 },
            ])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn resizes_to_display_and_thumbnail() {
        let photo = process(
            Lang::En,
            &Upload {
                filename: "big.png".into(),
                bytes: png(2400, 1600),
            },
        )
        .unwrap();
        assert_eq!((photo.width, photo.height), (1200, 800));
        let thumb = image::load_from_memory(&photo.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (480, 320));
        assert_eq!(
            image::guess_format(&photo.display).unwrap(),
            ImageFormat::Jpeg
        );
    }

    #[test]
    fn small_photos_are_not_enlarged() {
        let photo = process(
            Lang::En,
            &Upload {
                filename: "small.png".into(),
                bytes: png(300, 200),
            },
        )
        .unwrap();
        assert_eq!((photo.width, photo.height), (300, 200));
    }

    #[test]
    fn refuses_other_formats_broken_files_and_large_files() {
        let gif = Upload {
            filename: "cat.gif".into(),
            bytes: b"GIF89a\x01\x00\x01\x00".to_vec(),
        };
        let msg = process(Lang::En, &gif)
            .unwrap_err()
            .for_field("photos")
            .unwrap();
        assert!(msg.contains("not a JPEG, PNG or WebP"), "{msg}");

        let mut broken = png(50, 50);
        broken.truncate(60);
        let msg = process(
            Lang::En,
            &Upload {
                filename: "broken.png".into(),
                bytes: broken,
            },
        )
        .unwrap_err()
        .for_field("photos")
        .unwrap();
        assert!(msg.contains("could not be read"), "{msg}");

        let mut huge = png(10, 10);
        huge.resize(MAX_PHOTO_BYTES + 1, 0);
        let msg = process(
            Lang::En,
            &Upload {
                filename: "huge.png".into(),
                bytes: huge,
            },
        )
        .unwrap_err()
        .for_field("photos")
        .unwrap();
        assert!(msg.contains("up to 8 MB"), "{msg}");
    }

    /// A PNG of a few bytes whose header claims `width` × `height`.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = 0xffff_ffffu32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xedb8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        for chunk in [ihdr, b"IDAT".to_vec(), b"IEND".to_vec()] {
            png.extend_from_slice(&(chunk.len() as u32 - 4).to_be_bytes());
            png.extend_from_slice(&chunk);
            png.extend_from_slice(&crc32(&chunk).to_be_bytes());
        }
        png
    }

    #[test]
    fn a_photo_over_40_megapixels_is_refused_before_decoding() {
        // 8,000 × 6,000: each side within bounds, 48 megapixels in all.
        let msg = process(
            Lang::En,
            &Upload {
                filename: "bomb.png".into(),
                bytes: png_claiming(8_000, 6_000),
            },
        )
        .unwrap_err()
        .for_field("photos")
        .unwrap();
        assert!(
            msg.contains("8000 × 6000") && msg.contains("40 megapixels"),
            "{msg}"
        );
        // Under the cap, the same header is only a damaged file.
        let msg = process(
            Lang::En,
            &Upload {
                filename: "cut.png".into(),
                bytes: png_claiming(6_000, 4_000),
            },
        )
        .unwrap_err()
        .for_field("photos")
        .unwrap();
        assert!(msg.contains("could not be read"), "{msg}");
    }
}
