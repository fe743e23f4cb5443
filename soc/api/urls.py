from ninja import NinjaAPI

api = NinjaAPI(title="System of Care API", version="1", urls_namespace="api")
