fn main() {
    yj_rating_app::start();
}
