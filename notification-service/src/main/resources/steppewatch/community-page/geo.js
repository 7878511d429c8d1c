// Just enough geometry to tell whether an alert reaches a place: point in polygon, and whether a
// polygon comes within a radius of a point (in a local flat projection, good to a few metres at
// the scale of a district). The service does the authoritative matching for deliveries.

const KM_PER_DEG_LAT = 110.574;

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is the point inside the (multi)polygon, holes respected? */
export function contains(geometry, lon, lat) {
  return rings(geometry).some(([outer, ...holes]) => inRing(lon, lat, outer) && !holes.some(h => inRing(lon, lat, h)));
}

/** Does the (multi)polygon come within radiusKm of the point? */
export function withinKm(geometry, lon, lat, radiusKm) {
  if (contains(geometry, lon, lat)) return true;
  const kx = 111.320 * Math.cos((lat * Math.PI) / 180);
  const project = ([x, y]) => [(x - lon) * kx, (y - lat) * KM_PER_DEG_LAT];
  for (const polygon of rings(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        if (segmentDistance(project(ring[i - 1]), project(ring[i])) <= radiusKm) return true;
      }
    }
  }
  return false;
}

/** Distance from the origin to the segment a-b. */
function segmentDistance([ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
